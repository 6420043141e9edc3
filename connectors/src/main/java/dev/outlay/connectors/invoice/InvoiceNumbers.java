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

import java.math.BigDecimal;

/**
 * Amounts as invoice exports write them when a mapping names a {@code decimalSeparator}: "1.234,56" (Germany),
 * "1 234,56" (France, often with a no-break space), "1'234.56" (Switzerland), "1,234.56" (US). Grouping must be
 * in threes and is only allowed in the integer part, so a value written for the other convention fails instead of
 * being read a thousand times too large or too small ("1,234.56" with decimal ',' is refused, not 1.23456).
 * Negative amounts may also be written in parentheses (accounting) or with a trailing minus (ERP exports).
 */
final class InvoiceNumbers {

    private static final String GROUPING = ".,' \u00A0\u202F";

    private InvoiceNumbers() {
    }

    /** The amount, or null when {@code text} is not one under this convention. */
    static BigDecimal parse(String text, char decimalSeparator) {
        String s = text.strip();
        if (s.isEmpty()) return null;
        boolean negative = false;
        if (s.length() > 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')') { // accounting: (12.50)
            negative = true;
            s = s.substring(1, s.length() - 1);
        } else if (s.length() > 1 && s.charAt(s.length() - 1) == '-') { // ERP exports: 12,50-
            negative = true;
            s = s.substring(0, s.length() - 1);
        } else if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        String mantissa = s;
        String exponent = "";
        int e = Math.max(mantissa.indexOf('e'), mantissa.indexOf('E'));
        if (e >= 0) { // Azure writes small costs as "5.64902E-05"
            exponent = mantissa.substring(e + 1);
            mantissa = mantissa.substring(0, e);
            if (!validExponent(exponent)) return null;
        }
        int dec = mantissa.indexOf(decimalSeparator);
        if (dec >= 0 && mantissa.indexOf(decimalSeparator, dec + 1) >= 0) return null;
        String integer = dec < 0 ? mantissa : mantissa.substring(0, dec);
        String fraction = dec < 0 ? "" : mantissa.substring(dec + 1);
        String digits = ungroup(integer, decimalSeparator);
        if (digits == null || !allDigits(fraction) || (digits.isEmpty() && fraction.isEmpty())) return null;
        if (!exponent.isEmpty() && !digits.equals(integer)) return null; // no grouping in scientific notation
        StringBuilder plain = new StringBuilder(negative ? "-" : "").append(digits.isEmpty() ? "0" : digits);
        if (!fraction.isEmpty()) plain.append('.').append(fraction);
        if (!exponent.isEmpty()) plain.append('E').append(exponent);
        try {
            return new BigDecimal(plain.toString());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    /** The integer part without its grouping, or null when the grouping is not one separator every three digits. */
    private static String ungroup(String integer, char decimalSeparator) {
        char sep = 0;
        for (int k = 0; k < integer.length(); k++) {
            char c = integer.charAt(k);
            if (c >= '0' && c <= '9') continue;
            if (GROUPING.indexOf(c) < 0 || c == decimalSeparator || (sep != 0 && c != sep)) return null;
            sep = c;
        }
        if (sep == 0) return integer;
        String[] groups = integer.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) return null;
        for (int g = 1; g < groups.length; g++) if (groups[g].length() != 3) return null;
        return String.join("", groups);
    }

    private static boolean allDigits(String s) {
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) < '0' || s.charAt(k) > '9') return false;
        return true;
    }

    private static boolean validExponent(String s) {
        int from = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        return s.length() > from && allDigits(s.substring(from));
    }
}
