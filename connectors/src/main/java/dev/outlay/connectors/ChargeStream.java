package dev.outlay.connectors;

import dev.outlay.model.Charge;

import java.io.Closeable;

/**
 * Canonical charges one at a time, as the ledger loader takes them: from a file ({@link ChargeReader}), from a
 * filtered or checked file (an Azure export part), or from rows already read from an API (a BigQuery month).
 */
public interface ChargeStream extends Closeable {

    /** The mapping id and version the charges were derived with, e.g. {@code aws-cur2/3}; may read the header. */
    String schemaVersion();

    /** The next charge, or null at the end. */
    Charge next();

    /** Source records read so far (a filtered stream counts what it skipped too). */
    long rowsRead();

    /** Source bytes read so far (0 for rows that came from an API). */
    long bytesRead();
}
