package ca.ptm.nocturne.reports.model;

import ca.ptm.nocturne.reports.ReportKind;

/** Reads one report's rows from the database and lays them out. One Spring bean per report kind. */
public interface ReportBuilder {

    ReportKind kind();

    ReportDocument<?> build(ReportContext context);
}
