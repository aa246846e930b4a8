package ca.ptm.nocturne.imports.ledger;

import java.util.List;

/**
 * What the scan knows of a file when it opens its batch.
 *
 * @param physicalLines lines counted on the file's bytes (null for an entry that is not a readable file)
 */
public record NewBatch(String fileName, String path, String sha256, long size, String kind, String encoding,
                       String delimiter, Boolean hasBom, Boolean hasHeader, List<String> warnings, Integer physicalLines) {
}
