package ca.ptm.nocturne.shared.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.ptm.nocturne.imports.inbox.ImportManifest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An upgrade keeps the job repository: `jobs list`, `jobs show` and a restart must read the contexts that an earlier
 * version wrote. The fixture is the job context of an import run by the version before issue 17 (its InboxFile had no
 * dateColumns nor lastModified), taken from a real job repository.
 */
class ExecutionContextCompatibilityTest {

    @Test
    void anImportContextWrittenBeforeTheLineAccountingStillReads() throws Exception {
        byte[] stored;
        try (var in = getClass().getResourceAsStream("/compat/import-job-context-before-v14.b64")) {
            // as the column holds it: the serializer's own Base64 of the serialised map
            stored = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
        }

        Map<String, Object> context = new ExecutionContextConfiguration().executionContextSerializer()
                .deserialize(new ByteArrayInputStream(stored));

        ImportManifest manifest = context.values().stream().filter(ImportManifest.class::isInstance)
                .map(ImportManifest.class::cast).findFirst().orElseThrow();
        assertThat(manifest.files()).isNotEmpty().allSatisfy(file -> assertThat(file.dateColumns()).isEmpty());
    }
}
