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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4180 cases, each read whole and again through a reader that hands out 1–3 characters at a time. */
class CsvParserTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a,b,c\n1,2,3\n", List.of(List.of("a", "b", "c"), List.of("1", "2", "3"))),
                Arguments.of("a,b\r\n1,2\r\n", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("a,b\n1,2", List.of(List.of("a", "b"), List.of("1", "2"))),
                Arguments.of("x\n\"q,1\",\"he said \"\"hi\"\"\"\n", List.of(List.of("x"), List.of("q,1", "he said \"hi\"")), null),
                Arguments.of("x,y\nab\"cd,e\n", List.of(List.of("x", "y"), List.of("ab\"cd", "e"))),
                Arguments.of("x,y\n,\n", List.of(List.of("x", "y"), List.of("", ""))),
                Arguments.of("x\n\"multi\nline\"\n", List.of(List.of("x"), List.of("multi\nline"))),
                Arguments.of("x,y\n\"a\"b,c\n", List.of(List.of("x", "y"), List.of("ab", "c"))),
                Arguments.of("x\n\n\nlast\n", List.of(List.of("x"), List.of("last"))),
                Arguments.of("{\"\"k\"\": 1},2\n", List.of(List.of("{\"\"k\"\": 1}", "2"))))
                .map(a -> Arguments.of(a.get()[0], a.get()[1]));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void parsesWholeAndInTinyChunks(String csv, List<List<String>> expected) throws IOException {
        assertEquals(expected, read(new StringReader(csv)));
        assertEquals(expected, read(new Trickle(new StringReader(csv))));
    }

    static Stream<Arguments> nuls() {
        return Stream.of(
                Arguments.of("x,y\n1,a\0b\n", 2L, 2),
                Arguments.of("x,y\n1,2\n\0003,4\n", 3L, 1),
                Arguments.of("x,y\n1,\"multi\nli\0ne\"\n", 3L, 2));
    }

    /** A NUL anywhere in a cell (unquoted, quoted, or first in the cell) is refused where it stands. */
    @ParameterizedTest
    @MethodSource("nuls")
    void aNulCharacterIsRefusedWithLineAndColumn(String csv, long line, int column) {
        for (Reader in : new Reader[]{new StringReader(csv), new Trickle(new StringReader(csv))}) {
            SourceFormatException e = assertThrows(SourceFormatException.class, () -> read(in));
            assertEquals(line, e.line(), e.getMessage());
            assertEquals(column, e.column(), e.getMessage());
            assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        }
    }

    private static List<List<String>> read(Reader in) throws IOException {
        CsvParser p = new CsvParser(in, ',', "t.csv");
        List<List<String>> out = new ArrayList<>();
        for (String[] r; (r = p.next()) != null; ) out.add(List.of(r));
        return out;
    }

    /** Returns at most 1, 2 or 3 characters per read, so cells straddle buffer refills. */
    private static final class Trickle extends FilterReader {
        private int n;

        Trickle(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return super.read(cbuf, off, Math.min(len, 1 + (n++ % 3)));
        }
    }
}
