/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tolerances come from the tenant's seeded reconciliation rule set, and both decisions are logged. */
@QuarkusTest
class ReconciliationPolicyTest {

    @Inject
    ReconciliationPolicy policy;

    @Inject
    TenantRegistry tenants;

    private static List<AmountLine> ledger() {
        List<AmountLine> lines = new ArrayList<>();
        for (String account : List.of("111111111111", "222222222222")) {
            lines.add(new AmountLine(account, "AmazonEC2", "USD", new BigDecimal("4000.00")));
            lines.add(new AmountLine(account, "AmazonS3", "USD", new BigDecimal("1200.00")));
        }
        return lines;
    }

    private static List<AmountLine> invoice() {
        List<AmountLine> lines = new ArrayList<>(ledger());
        lines.set(3, new AmountLine("222222222222", "AmazonS3", "USD", new BigDecimal("1206.00")));
        return lines;
    }

    @Test
    void finalPeriodBreachesToTheCentAndNamesTheService() {
        tenants.ensure("recon-policy", "Recon", false);
        Caller finops = new Caller("recon-policy", "finops-1", Set.of("finops_admin"));
        CheckVerdict v = TenantContext.runAs(finops, () -> policy.check("ledger-vs-invoice", "FINAL", "USD",
                ledger(), invoice(), ConfidenceInputs.complete()));
        assertTrue(v.result().breach());
        assertEquals("RT-02", v.toleranceRuleId());
        assertEquals("high", v.severity());
        assertTrue(v.openTriage());
        assertEquals("AmazonS3", v.result().impactedServices().get(0).service());
        assertEquals("222222222222", v.result().impactedServices().get(0).account());
        assertEquals(0, v.result().allowance().compareTo(new BigDecimal("0.01")));
        assertNotEquals(v.toleranceDecisionId(), v.outcomeDecisionId());
    }

    @Test
    void preliminaryPeriodAcceptsHalfAPercent() {
        tenants.ensure("recon-policy", "Recon", false);
        Caller finops = new Caller("recon-policy", "finops-1", Set.of("finops_admin"));
        CheckVerdict v = TenantContext.runAs(finops, () -> policy.check("ledger-vs-invoice", "PRELIMINARY", "USD",
                ledger(), invoice(), new ConfidenceInputs(false, false, 0)));
        assertFalse(v.result().breach());
        assertEquals("RT-03", v.toleranceRuleId());
        assertEquals("none", v.severity());
        assertFalse(v.openTriage());
    }
}
