package ca.ptm.nocturne.gazelle.exports;

/** Turns one data row of a Gazelle CSV export into a record, noise or an invalid row; never throws for bad data. */
public interface ExportRowMapper {

    ExportRowResult map(ExportRow row);
}
