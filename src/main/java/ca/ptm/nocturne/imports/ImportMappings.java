package ca.ptm.nocturne.imports;

import ca.ptm.nocturne.imports.mapping.FileKind;
import ca.ptm.nocturne.imports.mapping.FileMapping;
import ca.ptm.nocturne.imports.mapping.MappingLoader;
import ca.ptm.nocturne.shared.home.NocturneHome;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The mapping files, read at the start of each step so an admin's edit applies to the next run without a restart. */
@Component
public class ImportMappings {

    private final ImportProperties properties;

    public ImportMappings(ImportProperties properties) {
        this.properties = properties;
    }

    public Map<FileKind, FileMapping> all() {
        NocturneHome.refresh(properties.mappings());
        return MappingLoader.loadFolder(properties.mappings());
    }

    public FileMapping of(FileKind kind) {
        return all().get(kind);
    }
}
