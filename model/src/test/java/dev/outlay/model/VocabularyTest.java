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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FOCUS vocabularies parse strictly; lenient matching is explicit and separate. */
class VocabularyTest {

    @ParameterizedTest
    @CsvSource({"Usage,USAGE", "Purchase,PURCHASE", "Tax,TAX", "Credit,CREDIT", "Adjustment,ADJUSTMENT"})
    void chargeCategoryExactSpelling(String text, ChargeCategory expected) {
        assertEquals(expected, ChargeCategory.parse(text));
        assertEquals(text, expected.focusValue());
    }

    @Test
    void strictParseRejectsCaseAndUnknownValuesNamingTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChargeFrequency.parse("Usage-based"));
        assertTrue(e.getMessage().contains("One-Time, Recurring, Usage-Based"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServiceCategory.parse("Computing"));
        assertThrows(IllegalArgumentException.class, () -> ChargeClass.parse(null));
    }

    @Test
    void lenientParseIsExplicit() {
        assertEquals(ChargeFrequency.USAGE_BASED, FocusValue.parseIgnoringCase(ChargeFrequency.class, " usage-BASED "));
        assertEquals(ServiceCategory.AI_AND_MACHINE_LEARNING, FocusValue.parseIgnoringCase(ServiceCategory.class, "ai and machine learning"));
        assertNull(FocusValue.parseIgnoringCase(ChargeCategory.class, "Refund"));
    }

    @Test
    void chargeIsImmutableAndKnowsItsBillingPeriod() {
        Map<String, String> tags = new HashMap<>(Map.of("team", "a"));
        Charge c = Charge.builder().billingPeriodStart(Instant.parse("2024-10-01T00:00:00Z")).billedCost(new BigDecimal("1.10"))
                .tags(tags).flag(DataQualityFlag.NULL_LITERAL).build();
        tags.put("team", "b");
        assertEquals("a", c.tags().get("team"));
        assertEquals("2024-10-01", c.billingPeriod().toString());
        assertEquals(EnumSet.of(DataQualityFlag.NULL_LITERAL), EnumSet.copyOf(c.flags()));
        assertThrows(UnsupportedOperationException.class, () -> c.tags().put("x", "y"));
    }
}
