package dev.outlay.connectors;

import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

import java.io.InputStream;

/**
 * A billing source kind: its self-validating config (from the connection's optional JSON mapping), its reader
 * (one streaming reader for CSV, CSV.gz and Parquet, shared by all kinds) and a row mapper bound to the file's header.
 */
public interface SourceConnector<C extends ConnectorConfig> {

    SourceKind kind();

    /** Parses and validates the connection's mapping (may be null when the kind needs none). */
    C config(String mappingJson);

    /** Checks the header (mandatory columns, dialect) and returns the mapper for its rows. */
    RowMapper bind(C config, CsvHeader header, String file);

    /** FOCUS files write "NULL" for empty cells; other kinds keep the literal. */
    default boolean nullLiteral() {
        return false;
    }

    /** The CSV field separator; provider exports are comma-separated, invoice mappings may say otherwise. */
    default char delimiter(C config) {
        return ',';
    }

    default ChargeReader open(C config, InputStream in, String file) {
        return new ChargeReader(in, file, header -> bind(config, header, file), nullLiteral(), delimiter(config));
    }
}
