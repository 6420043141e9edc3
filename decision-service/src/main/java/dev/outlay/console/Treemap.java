/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cost of one currency by owner, then by the owner's second level, as an SVG treemap computed server side
 * (slice and dice: one column per owner, as wide as its share; inside it one block per second-level key, as tall as
 * its share). Positions come from running sums of the exact decimals, scaled once, so the columns fill the width to
 * the last pixel whatever the rounding. Amounts that are zero or negative (credits) cannot be drawn as an area: they
 * stay in the table, marked as not drawn. Every block is labelled with its names (and has a title), the fill only
 * tells neighbours apart, and the table beside it carries the same numbers.
 */
public record Treemap(String currency, String firstLevel, String secondLevel, int width, int height, List<Block> blocks, List<Cell> table,
                      String total) {

    /** A drawn block; {@code label} is empty when the block is too small to hold its text (its title still names it). */
    public record Block(String x, String y, String w, String h, String fill, String title, String label, String labelX, String labelY) {
    }

    /** @param drawn false for amounts that are zero or negative */
    public record Cell(String owner, String key, String amount, String sharePct, boolean drawn) {
    }

    public record Entry(String owner, String key, BigDecimal amount) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    /** Light fills, each with black text well above 4.5:1 contrast. */
    static final String[] FILLS = {"#cfe2f3", "#fce5cd", "#d9ead3", "#ead1dc", "#fff2cc", "#d0e0e3", "#e6e6e6", "#f4cccc"};

    public static Treemap of(String currency, String firstLevel, String secondLevel, List<Entry> entries) {
        Map<String, List<Entry>> byOwner = new LinkedHashMap<>();
        Map<String, BigDecimal> ownerTotals = new LinkedHashMap<>();
        BigDecimal drawable = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Entry e : entries) {
            total = total.add(e.amount());
            if (e.amount().signum() <= 0) continue;
            byOwner.computeIfAbsent(e.owner(), k -> new ArrayList<>()).add(e);
            ownerTotals.merge(e.owner(), e.amount(), BigDecimal::add);
            drawable = drawable.add(e.amount());
        }
        List<String> owners = new ArrayList<>(ownerTotals.keySet());
        owners.sort(Comparator.comparing((String o) -> ownerTotals.get(o)).reversed().thenComparing(Comparator.naturalOrder()));
        List<Block> blocks = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < owners.size(); i++) {
            String owner = owners.get(i);
            BigDecimal ownerTotal = ownerTotals.get(owner);
            BigDecimal x0 = scale(before, drawable, WIDTH);
            before = before.add(ownerTotal);
            BigDecimal x1 = scale(before, drawable, WIDTH);
            List<Entry> parts = new ArrayList<>(byOwner.get(owner));
            parts.sort(Comparator.comparing(Entry::amount).reversed().thenComparing(Entry::key));
            BigDecimal above = BigDecimal.ZERO;
            for (Entry p : parts) {
                BigDecimal y0 = scale(above, ownerTotal, HEIGHT);
                above = above.add(p.amount());
                BigDecimal y1 = scale(above, ownerTotal, HEIGHT);
                BigDecimal w = x1.subtract(x0);
                BigDecimal h = y1.subtract(y0);
                String name = owner + " / " + p.key();
                String title = name + ": " + MinorUnits.cell(p.amount(), currency) + " " + currency;
                boolean fits = w.compareTo(BigDecimal.valueOf(70)) >= 0 && h.compareTo(BigDecimal.valueOf(18)) >= 0;
                blocks.add(new Block(x0.toPlainString(), y0.toPlainString(), w.toPlainString(), h.toPlainString(), FILLS[i % FILLS.length],
                        title, fits ? clip(name, w) : "", x0.add(BigDecimal.valueOf(4)).toPlainString(), y0.add(BigDecimal.valueOf(14)).toPlainString()));
            }
        }
        List<Cell> table = new ArrayList<>();
        for (Entry e : entries) {
            String share = e.amount().signum() <= 0 || drawable.signum() == 0 ? ""
                    : e.amount().multiply(BigDecimal.valueOf(100)).divide(drawable, 1, RoundingMode.HALF_EVEN).toPlainString();
            table.add(new Cell(e.owner(), e.key(), MinorUnits.cell(e.amount(), currency), share, e.amount().signum() > 0));
        }
        return new Treemap(currency, firstLevel, secondLevel, WIDTH, HEIGHT, blocks, table, MinorUnits.cell(total, currency));
    }

    private static BigDecimal scale(BigDecimal part, BigDecimal whole, int size) {
        if (whole.signum() == 0) return BigDecimal.ZERO.setScale(1);
        return part.multiply(BigDecimal.valueOf(size)).divide(whole, 1, RoundingMode.HALF_EVEN);
    }

    /** About 7 px a character at the chart's font size: a long name is cut with an ellipsis to fit its block. */
    private static String clip(String text, BigDecimal width) {
        int max = width.subtract(BigDecimal.valueOf(8)).divide(BigDecimal.valueOf(7), 0, RoundingMode.DOWN).intValue();
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }
}
