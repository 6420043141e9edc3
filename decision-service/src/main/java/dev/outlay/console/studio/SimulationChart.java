/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Paired horizontal bars, server-rendered: per row the baseline (grey) and the draft (accent) on one scale, so an
 * owner whose cost moves shows two bars of different length. Widths come from the exact decimals, scaled once;
 * negative amounts (credits) are drawn at zero width, and the table beside the chart carries every figure.
 */
public record SimulationChart(String title, int width, int height, List<Bar> bars) {

    public record Bar(String label, int y, int draftY, int textY, String baselineWidth, String draftWidth, String baseline, String draft) {
    }

    /** A row to draw: label and the two values as shown to the reader (already rounded for display). */
    public record Row(String label, BigDecimal baseline, BigDecimal draft, String baselineText, String draftText) {
    }

    static final int LABEL = 180;
    static final int PLOT = 420;
    static final int ROW = 34;

    public static SimulationChart of(String title, List<Row> rows) {
        BigDecimal max = BigDecimal.ZERO;
        for (Row r : rows) max = max.max(r.baseline()).max(r.draft());
        List<Bar> bars = new ArrayList<>();
        int y = 10;
        for (Row r : rows) {
            bars.add(new Bar(r.label(), y, y + 14, y + 11, width(r.baseline(), max), width(r.draft(), max), r.baselineText(), r.draftText()));
            y += ROW;
        }
        return new SimulationChart(title, LABEL + PLOT + 120, y + 10, bars);
    }

    public int labelWidth() {
        return LABEL;
    }

    private static String width(BigDecimal v, BigDecimal max) {
        if (max.signum() <= 0 || v.signum() <= 0) return "0";
        return v.multiply(BigDecimal.valueOf(PLOT)).divide(max, 1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
