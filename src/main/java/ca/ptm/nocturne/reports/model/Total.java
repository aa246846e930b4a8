package ca.ptm.nocturne.reports.model;

/** A labelled total ("Pianos", "5"), already formatted. */
public record Total(String label, String value) {
}
