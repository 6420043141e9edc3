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
package dev.outlay.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading verdicts from a DRL decision's outputs. */
class VerdictsTest {

    static Map<String, Object> verdict(String detector, String outcome, String tier, String confidence,
                                       boolean billingIsState, String waiverReason) {
        Map<String, Object> m = new HashMap<>();
        m.put("detector", detector);
        m.put("outcome", outcome);
        m.put("action", "RELEASE");
        m.put("probableCause", "cause");
        m.put("requiredAction", "do it");
        m.put("risk", "low");
        m.put("confidence", new BigDecimal(confidence));
        m.put("tier", tier);
        m.put("billingIsState", billingIsState);
        m.put("waiverReason", waiverReason);
        return m;
    }

    @Test
    void readsSortsAndMapsBlankReasonsToNull() {
        List<Verdict> v = Verdicts.from(Map.of("findings", List.of(
                verdict("waste.lb.idle", "waived", "BILLING", "0.8", true, "tagged dr=true"),
                verdict("waste.eip.idle", "finding", "BILLING", "0.9", true, ""))));
        assertEquals(List.of("waste.eip.idle", "waste.lb.idle"), v.stream().map(Verdict::detector).toList());
        assertEquals(EvidenceTier.BILLING, v.get(0).tier());
        assertTrue(v.get(0).billingIsState());
        assertNull(v.get(0).waiverReason());
        assertTrue(v.get(0).isFinding());
        assertEquals("tagged dr=true", v.get(1).waiverReason());
        assertEquals(0, v.get(0).rawConfidence().compareTo(new BigDecimal("0.9")));
    }

    @Test
    void emptyOrMissingFindingsAreNoVerdicts() {
        assertEquals(List.of(), Verdicts.from(Map.of("findings", List.of())));
        assertEquals(List.of(), Verdicts.from(Map.of()));
    }

    @Test
    void malformedVerdictsAreRefusedWithTheirIndex() {
        var e = assertThrows(IllegalArgumentException.class, () -> Verdicts.from(Map.of("findings",
                List.of(verdict("waste.eip.idle", "maybe", "BILLING", "0.9", true, null)))));
        assertTrue(e.getMessage().startsWith("outputs.findings[0]:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Verdicts.from(Map.of("findings",
                List.of(verdict("waste.eip.idle", "waived", "BILLING", "0.9", true, "")))),
                "a waiver needs its reason");
        assertThrows(IllegalArgumentException.class, () -> Verdicts.from(Map.of("findings", "nope")));
    }
}
