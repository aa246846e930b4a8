package ca.ptm.nocturne.imports.contracts;

import ca.ptm.nocturne.imports.conversion.RowRejectedException;
import ca.ptm.nocturne.imports.conversion.TypedRow;
import ca.ptm.nocturne.imports.parsing.LegacyDate;
import ca.ptm.nocturne.imports.parsing.RejectCode;
import ca.ptm.nocturne.reference.InstitutionDirectory;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Institutions by name (through their aliases), contracts by institution and season, and full ISO dates. */
class ContractReferences {

    private final InstitutionDirectory institutions;
    private final JdbcTemplate jdbc;

    ContractReferences(InstitutionDirectory institutions, JdbcTemplate jdbc) {
        this.institutions = institutions;
        this.jdbc = jdbc;
    }

    long institution(TypedRow row) throws RowRejectedException {
        String name = row.text("institution");
        return institutions.resolve(name).orElseThrow(() -> row.reject("institution", RejectCode.UNKNOWN_INSTITUTION,
                "Institution inconnue : « " + name + " » (ajoutez un alias dans institution_alias)")).id();
    }

    long contract(TypedRow row) throws RowRejectedException {
        long institution = institution(row);
        return jdbc.queryForList("SELECT id FROM service_contract WHERE institution_id = ? AND season = ?", Long.class,
                        institution, row.integer("season")).stream().findFirst()
                .orElseThrow(() -> row.reject("season", RejectCode.BAD_VALUE, "Aucun contrat « " + row.text("institution")
                        + " » pour la saison " + row.integer("season") + " : importez d'abord le fichier des contrats"));
    }

    /** Contract dates are written in full; a yearless one cannot be trusted. */
    static LocalDate fullDate(TypedRow row, String column) throws RowRejectedException {
        LegacyDate date = row.date(column);
        if (date == null) {
            return null;
        }
        if (!date.hasYear()) {
            throw row.reject(column, RejectCode.AMBIGUOUS_YEAR, "Date sans année : « " + row.text(column) + " »");
        }
        return date.date();
    }
}
