package ca.ptm.nocturne.imports.mapping;

/** How a column's text is read; named in the mapping files in lower case ({@code type: amount}). */
public enum ColumnType {
    TEXT, DATE, DATETIME, TIME, AMOUNT, DECIMAL, INTEGER, BOOLEAN, PITCH
}
