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

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens a billing file as strict UTF-8 text: gzip is detected by its magic bytes (not the file name), a UTF-8
 * BOM is skipped, UTF-16 BOMs and invalid UTF-8 bytes are refused (we would otherwise load mojibake).
 * Counts compressed bytes consumed, for progress reporting.
 */
public final class SourceInput {

    private SourceInput() {
    }

    /** Bytes of the raw (possibly compressed) stream read so far. */
    public static final class Counting extends FilterInputStream {
        private volatile long count;

        public Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        public long count() {
            return count;
        }
    }

    public static Reader open(InputStream raw, String file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream text = in;
        if (b0 == 0x1f && b1 == 0x8b) {
            text = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        text.mark(4);
        int c0 = text.read();
        int c1 = text.read();
        int c2 = text.read();
        text.reset();
        if ((c0 == 0xFF && c1 == 0xFE) || (c0 == 0xFE && c1 == 0xFF)) {
            throw new SourceFormatException(file, 1, 0, null, "unsupported encoding: UTF-16 (byte order mark); export as UTF-8");
        }
        if (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF) {
            text.skip(3); // UTF-8 BOM written by Excel and some Azure exports
        }
        return new InputStreamReader(text, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
