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
package dev.outlay.connectors;

/**
 * A source file that cannot be read as its kind promises: says which file, line (1-based, physical) and column
 * (1-based field index, with the header name when known), so the caller can report a precise problem detail.
 */
public class SourceFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final int column;
    private final String columnName;

    public SourceFormatException(String file, long line, int column, String columnName, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
    }

    public SourceFormatException(String file, long line, int column, String columnName, String message, Throwable cause) {
        this(file, line, column, columnName, message);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    /** 0 when the fault is not tied to a line (e.g. an invalid mapping). */
    public long line() {
        return line;
    }

    /** 0 when the fault concerns the whole line or file. */
    public int column() {
        return column;
    }

    public String columnName() {
        return columnName;
    }
}
