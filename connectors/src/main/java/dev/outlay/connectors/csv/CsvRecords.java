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

    private static final String SEPARATORS = ",;\t|";

    private final char delimiter;

    public CsvRecords(InputStream raw, String file, char delimiter) throws IOException {
        this.file = file;
        this.delimiter = delimiter;
        this.reader = SourceInput.open(raw, file);
        this.parser = new CsvParser(reader, delimiter, file);
    }

    @Override
    public String[] header() throws IOException {
        String[] names = parser.next();
        if (names != null && names.length == 1) {
            for (char other : SEPARATORS.toCharArray()) {
                if (other != delimiter && names[0].indexOf(other) >= 0) {
                    throw new SourceFormatException(file, 1, 0, null, "wrong delimiter: the header is one column containing '"
                            + show(other) + "'; this file must be '" + show(delimiter) + "'-separated"
                            + (delimiter == ',' ? " (an invoice mapping can set \"delimiter\")" : ""));
                }
            }
        }
        return names;
    }

    private static String show(char c) {
        return c == '\t' ? "\\t" : String.valueOf(c);
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
