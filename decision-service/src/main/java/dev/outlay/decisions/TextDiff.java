/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.util.ArrayList;
import java.util.List;

/**
 * Line diff (longest common subsequence) for DRL and XML versions: "-" lines only in a, "+" lines only in b, with line
 * numbers; {@link #hunks} adds unchanged lines around each change, as a unified diff reads.
 */
public final class TextDiff {

    public record Line(String op, Integer lineA, Integer lineB, String text) {
    }

    /** A run of changes with up to {@code context} unchanged lines (op " ") before and after it. */
    public record Hunk(int startA, int startB, List<Line> lines) {
    }

    private TextDiff() {
    }

    public static List<Line> between(String a, String b) {
        return script(a, b).stream().filter(l -> !" ".equals(l.op())).toList();
    }

    public static List<Hunk> hunks(String a, String b, int context) {
        List<Line> all = removalsFirst(script(a, b));
        List<Hunk> out = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            if (" ".equals(all.get(i).op())) {
                i++;
                continue;
            }
            int start = Math.max(0, i - context);
            int end = i;
            // Extend while the next change is within 2 * context unchanged lines, so nearby changes share a hunk.
            while (end < all.size()) {
                int gap = 0, k = end;
                while (k < all.size() && " ".equals(all.get(k).op())) {
                    gap++;
                    k++;
                }
                if (k == all.size() || gap > 2 * context) {
                    end = Math.min(all.size(), end + Math.min(gap, context));
                    break;
                }
                end = k + 1;
            }
            List<Line> lines = List.copyOf(all.subList(start, end));
            out.add(new Hunk(first(lines, true), first(lines, false), lines));
            i = end;
        }
        return out;
    }

    /** Within each block of consecutive changes the removed lines come first, as unified diffs print them. */
    private static List<Line> removalsFirst(List<Line> script) {
        List<Line> out = new ArrayList<>(script.size());
        List<Line> added = new ArrayList<>();
        for (Line l : script) {
            if ("+".equals(l.op())) {
                added.add(l);
                continue;
            }
            if (" ".equals(l.op())) {
                out.addAll(added);
                added.clear();
            }
            out.add(l);
        }
        out.addAll(added);
        return out;
    }

    /** The hunk's first line number on one side (0 when that side has no line in it: all added or all removed). */
    private static int first(List<Line> lines, boolean sideA) {
        for (Line l : lines) {
            Integer n = sideA ? l.lineA() : l.lineB();
            if (n != null) return n;
        }
        return 0;
    }

    private static List<Line> script(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                out.add(new Line(" ", i + 1, j + 1, x[i]));
                i++;
                j++;
            } else if (j < y.length && (i == x.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add(new Line("+", null, j + 1, y[j]));
                j++;
            } else {
                out.add(new Line("-", i + 1, null, x[i]));
                i++;
            }
        }
        return out;
    }
}
