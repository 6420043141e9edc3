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
package dev.outlay.model;

/**
 * Why a loaded row deserves a second look. Flagged rows are loaded and counted, never dropped: the flag says
 * what the mapping had to assume.
 */
public enum DataQualityFlag {
    /** The source's charge type maps to no FOCUS ChargeCategory; the row is loaded as Adjustment. */
    UNMAPPED_CHARGE_CATEGORY,
    /** No ServiceCategory could be derived; loaded as Other. */
    UNMAPPED_SERVICE_CATEGORY,
    /** A literal "NULL" string stood for an empty value (FOCUS sample quirk). */
    NULL_LITERAL,
    /** A timestamp was not ISO 8601 (e.g. "2024-09-01 00:00:00") and was read as UTC. */
    NON_ISO_TIMESTAMP,
    /** A vocabulary value differed from the FOCUS spelling only by case (e.g. "Usage-based"). */
    VOCABULARY_CASE,
    /** The tags cell was not a JSON object of strings and was kept as {"_raw": ...}. */
    UNPARSABLE_TAGS,
    /** A mandatory value (currency, account) was missing and a connection default was used. */
    DEFAULTED_VALUE;

    public static DataQualityFlag parse(String text) {
        return valueOf(text);
    }
}
