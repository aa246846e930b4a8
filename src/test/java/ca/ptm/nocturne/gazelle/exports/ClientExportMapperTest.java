package ca.ptm.nocturne.gazelle.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import ca.ptm.nocturne.gazelle.sync.GazelleEntity;
import ca.ptm.nocturne.gazelle.sync.SyncRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientExportMapperTest {

    /** DOMAIN.md, "4. Gazelle client export". */
    private static final String EXPORT = """
            Client ID,Status,Company Name,Default Contact First Name,Default Contact Last Name,Default Contact Default City,Default Contact Default Postal Code,Default Contact Default Email,Default Contact Default Phone,Client Type,Locale,Created,Updated
            cli_DEMO0000000001,ACTIVE,Salle Démo,Prénom,Exemple,Montréal,H0H 0H0,,,Institutionnel,fr_CA,2019-04-02T13:10:00Z,2025-05-30T12:00:00Z
            cli_DEMO0000000002,ACTIVE,,Camille,Fictive,Laval,H0H 0H0,,,Résidentiel,en_US,2021-03-02T10:00:00Z,2026-01-05T08:12:00Z
            cli_DEMO0000000003,INACTIVE,"Studio Démo, son historique",,,Longueuil,,,,,fr_CA,2016-05-20T12:00:00Z,
            """;

    private final ClientExportMapper mapper = new ClientExportMapper();
    private final List<ExportRow> rows = ExportRows.parse(EXPORT);

    private SyncRecord mapped(int index) {
        ExportRowResult result = mapper.map(rows.get(index));
        assertThat(result).isInstanceOf(ExportRowResult.Mapped.class);
        return ((ExportRowResult.Mapped) result).record();
    }

    @Test
    void institution() {
        SyncRecord client = mapped(0);
        assertThat(client.entity()).isEqualTo(GazelleEntity.CLIENT);
        assertThat(client.externalId()).isEqualTo("cli_DEMO0000000001");
        assertThat(client.updatedAt()).isEqualTo(Instant.parse("2025-05-30T12:00:00Z"));
        assertThat(client.children()).isEmpty();
        assertThat(client.columns()).containsOnly(
                entry("company_name", "Salle Démo"), entry("first_name", "Prénom"), entry("last_name", "Exemple"),
                entry("status", "ACTIVE"), entry("email", null), entry("phone", null), entry("city", "Montréal"),
                entry("postal_code", "H0H 0H0"), entry("locale", "fr_CA"), entry("client_type", "Institutionnel"),
                entry("created_at", Instant.parse("2019-04-02T13:10:00Z")),
                entry("gazelle_updated_at", Instant.parse("2025-05-30T12:00:00Z")));
    }

    @Test
    void emptyCompanyNameComesFromTheContact() {
        SyncRecord client = mapped(1);
        assertThat(client.columns()).containsEntry("company_name", "Camille Fictive").containsEntry("locale", "en_US")
                .containsEntry("client_type", "Résidentiel").containsEntry("city", "Laval");
    }

    @Test
    void suffixIsStrippedAndEmptyUpdatedLeavesTheStoredOneAlone() {
        SyncRecord client = mapped(2);
        assertThat(client.columns()).containsEntry("company_name", "Studio Démo").containsEntry("status", "INACTIVE")
                .containsEntry("client_type", null).containsEntry("first_name", null)
                .doesNotContainKey("gazelle_updated_at");
        assertThat(client.updatedAt()).isNull();
    }

    @Test
    void theExportNeverTouchesTags() {
        ExportRow withTags = ExportRows.row(2, List.of("Client ID", "Company Name", "Tags"),
                List.of("cli_X", "Salle", "institutional"));
        SyncRecord client = ((ExportRowResult.Mapped) mapper.map(withTags)).record();
        assertThat(client.columns()).doesNotContainKey("tags");
        rows.forEach(row -> assertThat(((ExportRowResult.Mapped) mapper.map(row)).record().columns())
                .doesNotContainKey("tags"));
    }

    @Test
    void badValuesAreInvalidRows() {
        List<String> headers = List.of("Client ID", "Company Name", "Updated");
        assertThat(mapper.map(ExportRows.row(2, headers, List.of("cli_X", "Salle", "hier"))))
                .isEqualTo(new ExportRowResult.Invalid("Updated", "hier", "Horodatage invalide dans « Updated » : « hier »"));
        assertThat(mapper.map(ExportRows.row(3, headers, List.of("", "Salle", ""))))
                .isInstanceOfSatisfying(ExportRowResult.Invalid.class, i -> assertThat(i.field()).isEqualTo("Client ID"));
        assertThat(mapper.map(ExportRows.row(4, headers, List.of("12345", "Salle", ""))))
                .isInstanceOfSatisfying(ExportRowResult.Invalid.class, i -> assertThat(i.value()).isEqualTo("12345"));
    }
}
