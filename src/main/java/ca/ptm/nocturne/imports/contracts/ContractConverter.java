package ca.ptm.nocturne.imports.contracts;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.imports.parsing.TextNormalizer;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** A contract line: its institution must be known, its status one of the four the business uses. */
public class ContractConverter implements RowConverter<ServiceContract> {

    private static final Map<String, String> STATUSES = Map.of(
            "brouillon", "draft", "draft", "draft", "envoye", "sent", "sent", "sent", "signe", "signed", "signed", "signed",
            "clos", "closed", "ferme", "closed", "closed", "closed");

    private final ContractReferences references;

    public ContractConverter(InstitutionDirectory institutions, JdbcTemplate jdbc) {
        this.references = new ContractReferences(institutions, jdbc);
    }

    @Override
    public ServiceContract convert(TypedRow row) throws RowRejectedException {
        long institution = references.institution(row);
        String status = row.text("status") == null ? "draft" : STATUSES.get(TextNormalizer.fold(row.text("status")));
        if (status == null) {
            throw row.reject("status", RejectCode.BAD_STATUS, "Statut de contrat inconnu : « " + row.text("status")
                    + " » (brouillon, envoyé, signé ou clos)");
        }
        return new ServiceContract(institution, row.integer("season"), ContractReferences.fullDate(row, "starts_on"),
                ContractReferences.fullDate(row, "ends_on"), status, row.decimal("day_rate"), row.decimal("planned_days"),
                row.decimal("done_days"), row.decimal("prep_days"), row.decimal("extra_rate"), row.integer("extra_tunings"),
                row.decimal("travel_rate"), row.integer("trips"), row.decimal("discount"), row.integer("notice_days"),
                ContractReferences.fullDate(row, "signed_on"), row.text("notes"));
    }
}
