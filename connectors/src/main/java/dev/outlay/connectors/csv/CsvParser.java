package dev.outlay.connectors.csv;

import dev.outlay.connectors.SourceFormatException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: one record at a time from a char stream, never the whole file. Handles quoted
 * fields with doubled quotes and embedded delimiters/newlines, CRLF or LF, and tracks the physical line on
 * which each record starts so errors can name it.
 */
public final class CsvParser {

    private final Reader in;
    private final char delimiter;
    private final String file;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(128);

    public CsvParser(Reader in, char delimiter, String file) {
        this.in = in;
        this.delimiter = delimiter;
        this.file = file;
    }

    /** Physical line (1-based) on which the record last returned by {@link #next()} started. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at end of input. Blank lines are skipped. */
    public String[] next() throws IOException {
        fields.clear();
        while (true) {
            int c = read();
            if (c < 0) return null;
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') continue;
            pos--; // unread
            break;
        }
        recordLine = line;
        boolean quoted = false;
        boolean wasQuoted = false;
        field.setLength(0);
        while (true) {
            int c = read();
            if (quoted) {
                if (c < 0) {
                    throw new SourceFormatException(file, recordLine, fields.size() + 1, null,
                            "unterminated quoted field (file ends inside quotes)");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"'); // doubled quote inside a quoted field
                    } else {
                        quoted = false;
                        if (d >= 0) pos--;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                fields.add(finish(wasQuoted));
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d >= 0) pos--;
                }
                if (c >= 0) line++;
                return fields.toArray(new String[0]);
            }
            if (c == delimiter) {
                fields.add(finish(wasQuoted));
                wasQuoted = false;
                field.setLength(0);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    private String finish(boolean wasQuoted) {
        // An unquoted empty field is "no value"; we keep both as "" and let mappers treat blank as null.
        return field.toString();
    }

    private int read() throws IOException {
        if (pos >= len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }
}
