package ca.ptm.nocturne.imports.contracts;

import ca.ptm.nocturne.imports.conversion.RowConverter;
import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import org.springframework.jdbc.core.JdbcTemplate;

/** An instalment joins its contract on (institution, season); an instalment without contract is a reject. */
public class InstallmentConverter implements RowConverter<ContractInstallment> {

    private final ContractReferences references;

    public InstallmentConverter(InstitutionDirectory institutions, JdbcTemplate jdbc) {
        this.references = new ContractReferences(institutions, jdbc);
    }

    @Override
    public ContractInstallment convert(TypedRow row) throws RowRejectedException {
        return new ContractInstallment(references.contract(row), row.integer("seq"), ContractReferences.fullDate(row, "due_on"),
                row.decimal("amount"), ContractReferences.fullDate(row, "paid_on"), row.text("invoice"));
    }
}
