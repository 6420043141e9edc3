package dev.outlay.connectors;

import java.io.Closeable;
import java.io.IOException;

/** The tabular records of one file, whatever its format: a header, then rows of cell text ("" is empty). */
public interface Records extends Closeable {

    /** Column names, or null when the file has no header (is empty). */
    String[] header() throws IOException;

    /** The next row's cells in header order, or null at the end. */
    String[] next() throws IOException;

    /** Where the last row came from, as a 1-based line (CSV: physical line; Parquet: row number + 1 for the header). */
    long line();
}
