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

import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.connectors.csv.CsvRecords;
import dev.outlay.connectors.csv.SourceInput;
import dev.outlay.connectors.parquet.ParquetRecords;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeBuilder;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.ZipException;

/**
 * Streams canonical charges out of one file: opens it (CSV: gzip, BOM, strict UTF-8; Parquet, recognised by its
 * magic bytes, spooled to a temporary file because its schema sits in the footer), reads the header, binds the
 * row mapper and maps record by record. Every I/O or format fault becomes a {@link SourceFormatException}
 * naming the file and line, so the pipeline can fail the whole ingestion precisely.
 */
public final class ChargeReader implements ChargeStream {

    private final String file;
    private final SourceInput.Counting counting;
    private final Function<CsvHeader, RowMapper> binder;
    private final boolean nullLiteral;
    private final char delimiter;
    private Records records;
    private Path spooled;
    private CsvHeader header;
    private RowMapper mapper;
    private Row row;
    private long rowsRead;

    ChargeReader(InputStream in, String file, Function<CsvHeader, RowMapper> binder, boolean nullLiteral, char delimiter) {
        this.file = file;
        this.delimiter = delimiter;
        this.counting = new SourceInput.Counting(in);
        this.binder = binder;
        this.nullLiteral = nullLiteral;
    }

    /** Reads the header and binds the mapper; called by the first {@link #next}. */
    public RowMapper start() {
        if (mapper != null) return mapper;
        try {
            records = openRecords();
            String[] names = records.header();
            if (names == null) throw new SourceFormatException(file, 1, 0, null, "file is empty (no header)");
            header = new CsvHeader(Arrays.asList(names));
            mapper = binder.apply(header);
            row = new Row(file, header, nullLiteral);
            return mapper;
        } catch (IOException e) {
            throw translate(e, 1);
        }
    }

    @Override
    public String schemaVersion() {
        return start().schemaVersion();
    }

    /** The next charge (without provenance; the pipeline adds it), or null at end of file. */
    @Override
    public Charge next() {
        start();
        String[] values;
        try {
            values = records.next();
        } catch (IOException e) {
            throw translate(e, records.line() + 1);
        }
        if (values == null) return null;
        rowsRead++;
        if (values.length != header.size()) {
            // A trailing empty column written by some exporters is tolerated; anything else is corrupt.
            if (!(values.length == header.size() + 1 && values[values.length - 1].isEmpty())) {
                throw new SourceFormatException(file, records.line(), Math.min(values.length, header.size()) + 1, null,
                        "record has " + values.length + " fields, header has " + header.size());
            }
        }
        ChargeBuilder b = Charge.builder();
        row.reset(values, records.line(), b);
        mapper.map(row);
        return b.build();
    }

    @Override
    public long rowsRead() {
        return rowsRead;
    }

    public long line() {
        return records == null ? 0 : records.line();
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    public CsvHeader header() {
        return header;
    }

    private SourceFormatException translate(IOException e, long line) {
        if (e instanceof EOFException) {
            return new SourceFormatException(file, line, 0, null, "truncated file: compressed stream ends early (" + e.getMessage() + ")", e);
        }
        if (e instanceof ZipException) {
            return new SourceFormatException(file, line, 0, null, "corrupt gzip stream: " + e.getMessage(), e);
        }
        if (e instanceof CharacterCodingException) {
            return new SourceFormatException(file, line, 0, null, "unknown encoding: bytes that are not valid UTF-8", e);
        }
        return new SourceFormatException(file, line, 0, null, "read failed: " + e.getMessage(), e);
    }

    private Records openRecords() throws IOException {
        BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
        in.mark(ParquetRecords.MAGIC.length);
        byte[] head = in.readNBytes(ParquetRecords.MAGIC.length);
        in.reset();
        if (!Arrays.equals(head, ParquetRecords.MAGIC)) return new CsvRecords(in, file, delimiter);
        spooled = Files.createTempFile("outlay-parquet-", ".parquet");
        Files.copy(in, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new ParquetRecords(spooled, file);
    }

    @Override
    public void close() throws IOException {
        try {
            if (records != null) records.close();
            counting.close();
        } finally {
            if (spooled != null) Files.deleteIfExists(spooled);
        }
    }
}
