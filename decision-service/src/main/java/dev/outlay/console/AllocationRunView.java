/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.allocation.AllocationOutcome;
import dev.outlay.allocation.AllocationStore;
import dev.outlay.allocation.Owner;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An allocation run as the console prints it: status and progress (charge groups decided out of all), then, once it
 * succeeded, its coverage per currency (the run's own totals, as {@code GET /api/v1/allocations/coverage} answers
 * them) and the unallocated cost by reason (the run's {@code unallocated} statement lines, per currency).
 *
 * @param percent groups decided as a whole percentage of the total, null while the total is not known yet
 */
public record AllocationRunView(String id, String shortId, String period, String status, boolean open, Integer groupsTotal, int groupsEvaluated,
                                Integer percent, long rowsApplied, String versionHash, String createdBy, String startedAt,
                                String finishedAt, boolean inForce, List<CoverageRow> coverage, List<ReasonRow> reasons,
                                String problemTitle, String problemDetail) {

    public record CoverageRow(String currency, String total, String allocated, String unallocated, String coveragePct) {
    }

    public record ReasonRow(String reason, String currency, String amount) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static AllocationRunView of(AllocationStore.Run r, List<AllocationOutcome.Line> lines) {
        List<CoverageRow> coverage = new ArrayList<>();
        for (AllocationOutcome.CurrencyTotal c : r.currencies()) {
            String cur = c.currency();
            coverage.add(new CoverageRow(cur, MinorUnits.cell(c.total(), cur), MinorUnits.cell(c.allocated(), cur),
                    MinorUnits.cell(c.total().subtract(c.allocated()), cur), c.coveragePct().toPlainString()));
        }
        Map<String, Map<String, BigDecimal>> byReason = new TreeMap<>();
        for (AllocationOutcome.Line l : lines) {
            if (!Owner.UNALLOCATED.team().equals(l.owner().team())) continue;
            String reason = l.reason() == null || l.reason().isBlank() ? "(no reason given)" : l.reason();
            byReason.computeIfAbsent(reason, k -> new TreeMap<>()).merge(l.currency(), l.total(), BigDecimal::add);
        }
        List<ReasonRow> reasons = new ArrayList<>();
        byReason.forEach((reason, sums) -> sums.forEach((cur, amount) -> reasons.add(new ReasonRow(reason, cur, MinorUnits.cell(amount, cur)))));
        var p = r.progress();
        Integer percent = p.groupsTotal() == null || p.groupsTotal() == 0 ? null
                : BigDecimal.valueOf(p.groupsEvaluated()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(p.groupsTotal()), 0, RoundingMode.DOWN).intValue();
        if ("succeeded".equals(r.status())) percent = 100;
        String[] problem = problem(r.problem());
        return new AllocationRunView(r.id().toString(), r.id().toString().substring(0, 8), r.billingPeriod().toString().substring(0, 7), r.status(), r.open(), p.groupsTotal(),
                p.groupsEvaluated(), percent, p.rowsApplied(), r.versionHash(), r.createdBy(), String.valueOf(r.startedAt()),
                r.finishedAt() == null ? null : r.finishedAt().toString(), "succeeded".equals(r.status()) && r.supersededBy() == null,
                coverage, reasons, problem[0], problem[1]);
    }

    /** A failed run keeps its problem detail as JSON: its title and detail are what the page shows. */
    private static String[] problem(String json) {
        if (json == null || json.isBlank()) return new String[]{null, null};
        try {
            JsonNode n = JSON.readTree(json);
            return new String[]{n.path("title").asText("Failed"), n.path("detail").asText("")};
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new String[]{"Failed", json};
        }
    }
}
