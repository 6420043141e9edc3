package dev.outlay.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Showback/chargeback statements: lines regrouped by the owner dimensions asked for; the unallocated row stays apart. */
public final class Statements {

    public static final List<String> DIMENSIONS = List.of("team", "product", "environment", "costCenter");

    private Statements() {
    }

    public static List<Map<String, Object>> totals(List<AllocationOutcome.Line> lines, List<String> groupBy) {
        for (String d : groupBy) if (!DIMENSIONS.contains(d)) throw new IllegalArgumentException(d);
        TreeMap<String, BigDecimal[]> sums = new TreeMap<>();
        TreeMap<String, List<String>> keys = new TreeMap<>();
        BigDecimal[] unallocated = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        boolean anyUnallocated = false;
        for (AllocationOutcome.Line l : lines) {
            if (l.owner().equals(Owner.UNALLOCATED)) {
                anyUnallocated = true;
                add(unallocated, l);
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String d : groupBy) key.add(value(l.owner(), d));
            String k = String.join("\u0000", key);
            keys.put(k, key);
            add(sums.computeIfAbsent(k, x -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}), l);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) rows.add(row(groupBy, keys.get(e.getKey()), e.getValue()));
        if (anyUnallocated) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < groupBy.size(); i++) key.add(i == 0 ? "unallocated" : Owner.NONE);
            rows.add(row(groupBy, key, unallocated));
        }
        return rows;
    }

    private static void add(BigDecimal[] acc, AllocationOutcome.Line l) {
        acc[0] = acc[0].add(l.direct());
        acc[1] = acc[1].add(l.shared());
        acc[2] = acc[2].add(l.total());
    }

    private static Map<String, Object> row(List<String> groupBy, List<String> key, BigDecimal[] s) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < groupBy.size(); i++) row.put(groupBy.get(i), key.get(i));
        row.put("directCost", s[0]);
        row.put("sharedCost", s[1]);
        row.put("totalCost", s[2]);
        return row;
    }

    static String value(Owner o, String dimension) {
        return switch (dimension) {
            case "team" -> o.team();
            case "product" -> o.product();
            case "environment" -> o.environment();
            default -> o.costCenter();
        };
    }

    public static String csv(List<Map<String, Object>> rows, List<String> groupBy) {
        StringBuilder sb = new StringBuilder(String.join(",", groupBy)).append(",direct_cost,shared_cost,total_cost\r\n");
        for (Map<String, Object> r : rows) {
            for (String d : groupBy) sb.append(cell(String.valueOf(r.get(d)))).append(',');
            sb.append(((BigDecimal) r.get("directCost")).toPlainString()).append(',')
                    .append(((BigDecimal) r.get("sharedCost")).toPlainString()).append(',')
                    .append(((BigDecimal) r.get("totalCost")).toPlainString()).append("\r\n");
        }
        return sb.toString();
    }

    private static String cell(String v) {
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.equals(Owner.NONE) ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
