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

import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ChargeClass;
import dev.outlay.model.ChargeFrequency;
import dev.outlay.model.CommitmentDiscountStatus;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.ServiceCategory;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FocusQuirksTest {

    final List<Charge> quirks = Fixtures.readAll(SourceKind.FOCUS, null, Fixtures.bytes("focus/focus-1.0-quirks.csv"), "f.csv").charges();

    @Test
    void nullLiteralIsNullAndFlagged() {
        Charge c = quirks.get(0);
        assertNull(c.availabilityZone());
        assertNull(c.chargeClass());
        assertTrue(c.tags().isEmpty());
        assertTrue(c.flags().contains(DataQualityFlag.NULL_LITERAL));
    }

    @Test
    void nonIsoTimestampsAreReadAsUtcAndFlagged() {
        Charge c = quirks.get(0);
        assertEquals(Instant.parse("2024-09-18T22:00:00Z"), c.chargePeriodStart());
        assertEquals(Instant.parse("2024-09-01T00:00:00Z"), c.billingPeriodStart());
        assertTrue(c.flags().contains(DataQualityFlag.NON_ISO_TIMESTAMP));
    }

    @Test
    void vocabularyCaseIsToleratedAndFlagged() {
        Charge lb = quirks.get(1);
        assertEquals(ChargeFrequency.USAGE_BASED, lb.chargeFrequency());
        assertTrue(lb.flags().contains(DataQualityFlag.VOCABULARY_CASE));
        Charge vm = quirks.get(2);
        assertEquals(ServiceCategory.COMPUTE, vm.serviceCategory()); // "compute"
        assertTrue(vm.flags().contains(DataQualityFlag.VOCABULARY_CASE));
        assertEquals("USD", vm.billingCurrency()); // header "billingcurrency" in lower case
    }

    @Test
    void jsonTagsWithDoubledQuotes() {
        assertEquals(Map.of("application", "BrightLensMatrix", "environment", "dev", "business_unit", "ViennaAI"), quirks.get(1).tags());
    }

    @Test
    void focus12EveryChargeKindIsCleanAndTyped() {
        List<Charge> all = Fixtures.readAll(SourceKind.FOCUS, null, Fixtures.bytes("focus/focus-1.2-every-charge-kind.csv"), "f12.csv").charges();
        assertTrue(all.stream().noneMatch(Charge::flagged), () -> all.stream().map(Charge::flags).toList().toString());
        assertEquals(List.of(ChargeCategory.USAGE, ChargeCategory.USAGE, ChargeCategory.USAGE, ChargeCategory.PURCHASE,
                ChargeCategory.TAX, ChargeCategory.CREDIT, ChargeCategory.ADJUSTMENT, ChargeCategory.USAGE),
                all.stream().map(Charge::chargeCategory).toList());
        assertEquals(CommitmentDiscountStatus.UNUSED, all.get(2).commitmentDiscountStatus());
        assertEquals(ChargeClass.CORRECTION, all.get(7).chargeClass());
        assertEquals("INV-1", all.get(0).invoiceId());
        assertEquals("EUR", all.get(0).billingCurrency());
    }
}
