package ca.ptm.nocturne.imports.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingLoaderTest {

    private static final Path REAL_MAPPINGS = Path.of("jobs/import/mappings");

    private static final String VALID = """
            kind: products
            description: Produits
            columns:
              - name: product_id
                type: integer
                required: true
                aliases: [ProductId, id]
              - name: name
                aliases: [Name, Nom]
            """;

    @TempDir
    Path temp;

    @Test
    void theBundledFolderDeclaresEveryKind() {
        Map<FileKind, FileMapping> mappings = MappingLoader.loadFolder(REAL_MAPPINGS);

        assertThat(mappings).containsOnlyKeys(FileKind.values());
        mappings.forEach((kind, mapping) -> {
            assertThat(mapping.kind()).isEqualTo(kind);
            assertThat(mapping.columns()).isNotEmpty();
        });
    }

    @Test
    void thePdaRequestsMappingRequiresTheAppointmentDate() {
        FileMapping pda = MappingLoader.loadFolder(REAL_MAPPINGS).get(FileKind.PDA_REQUEST);

        ColumnMapping appointment = pda.column("appointment_date").orElseThrow();
        assertThat(appointment.required()).isTrue();
        assertThat(appointment.type()).isEqualTo(ColumnType.DATE);
        assertThat(appointment.aliases()).contains("Date du RDV");
        assertThat(pda.requiredColumns()).contains(appointment);
        assertThat(pda.leadingLabelShift()).isTrue();
        assertThat(pda.minMatchedColumns()).isEqualTo(4);
        assertThat(pda.headerlessLayout()).startsWith("request_date", "appointment_date");
    }

    @Test
    void aValidFileGivesItsColumnsWithDefaults() throws IOException {
        FileMapping mapping = MappingLoader.load(write("products.yml", VALID));

        assertThat(mapping.kind()).isEqualTo(FileKind.PRODUCT);
        assertThat(mapping.description()).isEqualTo("Produits");
        assertThat(mapping.minMatchedColumns()).as("default").isEqualTo(2);
        assertThat(mapping.headerlessLayout()).isEmpty();
        assertThat(mapping.leadingLabelShift()).isFalse();
        assertThat(mapping.column("name")).hasValueSatisfying(c -> {
            assertThat(c.type()).as("default type").isEqualTo(ColumnType.TEXT);
            assertThat(c.required()).isFalse();
            assertThat(c.nulls()).isEmpty();
        });
        assertThat(mapping.column("product_id").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheFileAndTheColumn() throws IOException {
        Path file = write("products.yml", VALID.replace("type: integer", "type: money"));

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("product_id").hasMessageContaining("money");
    }

    @Test
    void aMissingKindIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", VALID.replace("kind: products\n", ""));

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'kind' is missing");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", VALID.replace("kind: products", "kind: invoices"));

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("invoices");
    }

    @Test
    void twoFilesForTheSameKindAreRefusedNamingTheSecondFile() throws IOException {
        Path folder = copyOfTheRealFolder();
        Path second = folder.resolve("zz-products-again.yml");
        Files.copy(folder.resolve("products.yml"), second);

        assertThatThrownBy(() -> MappingLoader.loadFolder(folder)).isInstanceOf(MappingException.class)
                .hasMessageContaining(second.toString()).hasMessageContaining("'products'");
    }

    @Test
    void aFolderWithoutOneKindIsRefusedNamingTheKind() throws IOException {
        Path folder = copyOfTheRealFolder();
        Files.delete(folder.resolve("venue-pianos.yml"));

        assertThatThrownBy(() -> MappingLoader.loadFolder(folder)).isInstanceOf(MappingException.class)
                .hasMessageContaining(folder.toString()).hasMessageContaining("'venue-pianos'");
    }

    @Test
    void invalidYamlIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", "kind: products\ncolumns: [ {name: id, aliases: [id]\n  - oops: : :\n");

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid YAML");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", "- just\n- a list\n");

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aHeaderlessLayoutNamingAnUnknownColumnIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", VALID + "headerless-layout: [product_id, price]\n");

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'price'");
    }

    @Test
    void aColumnWithoutAliasesIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", VALID.replace("aliases: [Name, Nom]", "aliases: []"));

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("'name' has no aliases");
    }

    @Test
    void aMinMatchedColumnsThatIsNotAPositiveNumberIsRefusedNamingTheFile() throws IOException {
        Path file = write("products.yml", VALID + "min-matched-columns: zero\n");

        assertThatThrownBy(() -> MappingLoader.load(file)).isInstanceOf(MappingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("min-matched-columns");
    }

    @Test
    void aMissingFolderIsRefused() {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> MappingLoader.loadFolder(missing)).isInstanceOf(MappingException.class)
                .hasMessageContaining("does not exist");
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(temp.resolve(name), yaml, StandardCharsets.UTF_8);
    }

    private Path copyOfTheRealFolder() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("mappings"));
        try (var files = Files.list(REAL_MAPPINGS)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        return folder;
    }
}
