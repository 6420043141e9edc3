package dev.outlay.connectors.csv;

import dev.outlay.connectors.Records;
import dev.outlay.connectors.SourceFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** CSV (plain or gzip, strict UTF-8) as records; refuses a file whose header shows another delimiter. */
public final class CsvRecords implements Records {

    private final Reader reader;
    private final CsvParser parser;
    private final String file;

    public CsvRecords(InputStream raw, String file) throws IOException {
        this.file = file;
        this.reader = SourceInput.open(raw, file);
        this.parser = new CsvParser(reader, ',', file);
    }

    @Override
    public String[] header() throws IOException {
        String[] names = parser.next();
        if (names != null && names.length == 1
                && (names[0].indexOf(';') >= 0 || names[0].indexOf('\t') >= 0 || names[0].indexOf('|') >= 0)) {
            char found = names[0].indexOf(';') >= 0 ? ';' : names[0].indexOf('\t') >= 0 ? '\t' : '|';
            throw new SourceFormatException(file, 1, 0, null,
                    "wrong delimiter: the header is one column containing '" + (found == '\t' ? "\\t" : String.valueOf(found))
                            + "'; billing files must be comma-separated");
        }
        return names;
    }

    @Override
    public String[] next() throws IOException {
        return parser.next();
    }

    @Override
    public long line() {
        return parser.recordLine();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
