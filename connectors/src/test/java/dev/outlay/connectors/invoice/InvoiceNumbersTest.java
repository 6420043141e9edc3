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
package dev.outlay.connectors.invoice;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Amounts under each decimal convention; a value written for the other convention is refused, never misread. */
class InvoiceNumbersTest {

    @ParameterizedTest(name = "''{0}'' with ''{1}'' → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1.234,56       | , | 1234.56",
            "1 234,56       | , | 1234.56",
            "1\u00A0234,56  | , | 1234.56",
            "12.500,00      | , | 12500.00",
            "0,5            | , | 0.5",
            ",5             | , | 0.5",
            "(45,50)        | , | -45.50",
            "3,00-          | , | -3.00",
            "-1.000.000     | , | -1000000",
            "1,234.56       | . | 1234.56",
            "1'234.56       | . | 1234.56",
            "1234.56        | . | 1234.56",
            "5.64902E-05    | . | 0.0000564902",
            "-2E+3          | . | -2000",
            "+7             | . | 7",
            "1.234          | , | 1234",
            "1.234          | . | 1.234"})
    void reads(String text, char separator, String expected) {
        BigDecimal read = InvoiceNumbers.parse(text, separator);
        assertEquals(0, new BigDecimal(expected).compareTo(read), text + " → " + read);
    }

    @ParameterizedTest(name = "''{0}'' with ''{1}'' is refused")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "1,234.56    | ,",  // the US convention read as European would be 1.23456
            "1.234,56    | .",
            "1,23,456.00 | .",  // grouping must be in threes
            "12,3456.00  | .",
            "1.234 567,8 | ,",  // one grouping character per value
            "1,2,3       | ,",
            "12.5O       | .",
            "€ 12,50     | ,",
            "1.234,5E3   | ,",  // no grouping in scientific notation
            "1E          | .",
            "-           | .",
            "()          | .",
            ",           | ,"})
    void refuses(String text, char separator) {
        assertNull(InvoiceNumbers.parse(text, separator));
    }
}
