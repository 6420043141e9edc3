/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.api.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XLSX import reads the sheets Outlay writes and what a spreadsheet program writes when it saves them again. */
class SpreadsheetXlsxReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            outlay-export.xlsx          | [[FIRST, in:amount, out:outcome, description], [r1, >= 5000, "warn", big, & quoted]]
            resaved-shared-strings.xlsx | [[FIRST, in:amount, out:outcome], [], [r1,  >= 5000 , , 48, true]]
            """)
    void readsTheFirstSheetAsText(String file, String expected) throws IOException {
        List<List<String>> rows = SpreadsheetXlsxReader.read(fixture(file));
        assertEquals(expected, rows.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no-sheet.xlsx | no xl/worksheets/sheet1.xml
            """)
    void refusesWorkbooksItCannotRead(String file, String why) throws IOException {
        ProblemException e = assertThrows(ProblemException.class, () -> SpreadsheetXlsxReader.read(fixture(file)));
        assertEquals(422, e.problem().status());
        assertTrue(e.problem().errors().get(0).message().contains(why), e.problem().errors().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"A1, 0", "Z9, 25", "AA10, 26", "AB3, 27"})
    void columnsFromReferences(String ref, int column) {
        assertEquals(column, SpreadsheetXlsxReader.column(ref));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"outlay-export.xlsx, true", "no-sheet.xlsx, true"})
    void zipFilesLookLikeWorkbooks(String file, boolean xlsx) throws IOException {
        assertEquals(xlsx, SpreadsheetXlsxReader.looksLikeXlsx(fixture(file)));
        assertEquals(false, SpreadsheetXlsxReader.looksLikeXlsx("FIRST,in:amount\r\n".getBytes()));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SpreadsheetXlsxReaderTest.class.getResourceAsStream("/studio/xlsx/" + name)) {
            return in.readAllBytes();
        }
    }
}
