package dev.outlay.connectors;

/** Maps one source record to the canonical charge; bound to one file's header by {@link SourceConnector#bind}. */
public interface RowMapper {

    /** Versioned mapping id recorded in provenance, e.g. {@code aws-cur-2.0/1}. Changes when the mapping does. */
    String schemaVersion();

    /** Fills {@code row.out()} from the record; throws {@link SourceFormatException} on unreadable values. */
    void map(Row row);
}
