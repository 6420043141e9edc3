/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.findings.SavingsRange;
import dev.outlay.findings.StoredFinding;
import dev.outlay.money.MinorUnits;

import java.util.List;

/** A finding as the console prints it: savings rounded to each currency's minor unit, evidence indented. */
final class FindingView {

    private FindingView() {
    }

    public record Saving(String currency, String low, String expected, String high) {
    }

    public record Row(String id, String resourceId, String detector, String owner, String environment, String status, String risk,
                      String action, List<Saving> savings) {
    }

    static Row row(StoredFinding f) {
        return new Row(f.id(), f.resourceId(), f.detector(), f.owner(), f.environment(), f.status(), f.risk(), f.action(),
                f.savings().stream().map(FindingView::saving).toList());
    }

    static Saving saving(SavingsRange r) {
        String c = r.currency();
        return new Saving(c, MinorUnits.cell(r.low(), c), MinorUnits.cell(r.expected(), c), MinorUnits.cell(r.high(), c));
    }

    /** The stored evidence document, indented for reading; the raw text when it is not JSON. */
    static String evidence(ObjectMapper json, String raw) {
        if (raw == null) return "";
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(raw));
        } catch (JsonProcessingException e) {
            return raw;
        }
    }
}
