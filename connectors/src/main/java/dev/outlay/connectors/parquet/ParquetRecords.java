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
package dev.outlay.connectors.parquet;

import dev.outlay.connectors.Records;
import dev.outlay.connectors.SourceFormatException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Parquet file as records: top-level columns become the header, each row's cells the text a CSV export would
 * hold (see {@link ParquetCells}). Parquet needs random access (the schema is in the footer), so it reads a local
 * file; the caller spools a stream first.
 */
public final class ParquetRecords implements Records {

    /** The four bytes that open (and close) every Parquet file. */
    public static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final String file;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final MessageColumnIO columnIO;
    private RecordReader<Group> rows;
    private long left;
    private long row;

    public ParquetRecords(Path path, String file) {
        this.file = file;
        try {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(new ParquetCodecs()).build();
            this.reader = ParquetFileReader.open(new LocalInputFile(path), options);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().contains("magic number") ? "the footer is missing (truncated or not Parquet)" : e.getMessage();
            throw new SourceFormatException(file, 1, 0, null, "not a readable Parquet file: " + why, e);
        }
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        this.columnIO = new ColumnIOFactory().getColumnIO(schema);
    }

    @Override
    public String[] header() {
        String[] names = new String[schema.getFieldCount()];
        for (int i = 0; i < names.length; i++) names[i] = schema.getFieldName(i);
        return names.length == 0 ? null : names;
    }

    @Override
    public String[] next() {
        try {
            while (left == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) return null;
                rows = columnIO.getRecordReader(pages, new GroupRecordConverter(schema));
                left = pages.getRowCount();
            }
            Group g = rows.read();
            left--;
            row++;
            String[] cells = new String[schema.getFieldCount()];
            for (int i = 0; i < cells.length; i++) cells[i] = ParquetCells.text(g, i);
            return cells;
        } catch (ParquetCodecs.UnsupportedCodecException e) {
            throw new SourceFormatException(file, row + 2, 0, null, e.getMessage(), e);
        } catch (IOException | ParquetDecodingException e) {
            throw new SourceFormatException(file, row + 2, 0, null, "corrupt Parquet data: " + e.getMessage(), e);
        }
    }

    @Override
    public long line() {
        return row + 1;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
