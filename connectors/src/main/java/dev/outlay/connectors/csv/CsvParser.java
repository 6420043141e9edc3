/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
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
    /** An unquoted cell taken straight from the buffer, without copying it through {@link #field}. */
    private String direct;
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

    /**
     * The next record's fields, or null at end of input. Blank lines are skipped. Runs of plain characters are
     * copied from the buffer in bulk (billing files are mostly long quoted JSON cells and numbers).
     */
    public String[] next() throws IOException {
        fields.clear();
        while (true) {
            if (pos >= len && !fill()) return null;
            char c = buf[pos];
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == '\r') {
                pos++;
            } else {
                break;
            }
        }
        recordLine = line;
        boolean quoted = false;
        boolean wasQuoted = false;
        field.setLength(0);
        direct = null;
        while (true) {
            if (pos >= len && !fill()) {
                if (quoted) {
                    throw new SourceFormatException(file, recordLine, fields.size() + 1, null,
                            "unterminated quoted field (file ends inside quotes)");
                }
                fields.add(cell());
                return fields.toArray(new String[0]);
            }
            if (quoted) {
                int start = pos;
                while (pos < len) {
                    char d = buf[pos];
                    if (d == '"') break;
                    if (d == '\n') line++;
                    if (d == 0) throw nul(fields.size() + 1);
                    pos++;
                }
                field.append(buf, start, pos - start);
                if (pos < len) { // at a quote: doubled (literal quote) or closing
                    pos++;
                    if (pos >= len && !fill()) {
                        quoted = false;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                }
                continue;
            }
            char c = buf[pos];
            if (c == delimiter) {
                fields.add(cell());
                field.setLength(0);
                wasQuoted = false;
                pos++;
            } else if (c == '\n' || c == '\r') {
                fields.add(cell());
                pos++;
                if (c == '\r' && (pos < len || fill()) && buf[pos] == '\n') pos++;
                line++;
                return fields.toArray(new String[0]);
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                pos++;
            } else {
                int start = pos;
                while (pos < len) {
                    char d = buf[pos];
                    if (d == delimiter || d == '\n' || d == '\r' || d == '"' || d == 0) break;
                    pos++;
                }
                if (pos < len && buf[pos] == 0) throw nul(fields.size() + 1);
                if (pos == start) { // a quote inside an unquoted field is kept literally
                    spill();
                    field.append(c);
                    pos++;
                } else if (field.length() == 0 && direct == null && pos < len && buf[pos] != '"') {
                    direct = new String(buf, start, pos - start); // the whole cell: the common case
                } else {
                    spill();
                    field.append(buf, start, pos - start);
                }
            }
        }
    }

    /**
     * A NUL character is not text: PostgreSQL refuses it in any text value, so it would otherwise surface only as
     * a database error without line or column. It usually means a UTF-16 file or a binary upload.
     */
    private SourceFormatException nul(int column) {
        return new SourceFormatException(file, line, column, null, "NUL character (0x00) in a cell: not UTF-8 text");
    }

    private String cell() {
        if (direct != null && field.length() == 0) {
            String v = direct;
            direct = null;
            return v;
        }
        spill();
        return field.toString();
    }

    private void spill() {
        if (direct != null) {
            field.append(direct);
            direct = null;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        pos = 0;
        len = Math.max(n, 0);
        return n > 0;
    }

}
