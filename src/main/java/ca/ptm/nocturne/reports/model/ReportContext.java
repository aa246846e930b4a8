package ca.ptm.nocturne.reports.model;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** What every report is computed from: the Montreal run date and the moment of generation. */
public record ReportContext(LocalDate runDate, ZonedDateTime generatedAt) {
}
