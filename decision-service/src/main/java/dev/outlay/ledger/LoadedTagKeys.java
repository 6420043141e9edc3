package dev.outlay.ledger;

import dev.outlay.model.Charge;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The distinct tag keys per (billing period, billing account) of one load, kept in {@code outlay.ledger_tag_key}. */
final class LoadedTagKeys {

    private record Scope(LocalDate period, String account) implements Comparable<Scope> {
        @Override
        public int compareTo(Scope o) {
            int c = period.compareTo(o.period);
            return c != 0 ? c : account.compareTo(o.account);
        }
    }

    private final Map<Scope, Set<String>> keys = new TreeMap<>();

    void add(Charge c) {
        Set<String> set = keys.computeIfAbsent(new Scope(c.billingPeriod(), c.billingAccountId()), s -> new TreeSet<>(Set.of("")));
        if (!c.tags().isEmpty()) set.addAll(c.tags().keySet());
    }

    /** Replaces the keys of this load's scopes; runs inside the replace transaction. */
    void replace(Connection c, String tenant, String source) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM outlay.ledger_tag_key WHERE source = ? AND billing_period = ? AND billing_account_id = ?");
             PreparedStatement ins = c.prepareStatement(
                     "INSERT INTO outlay.ledger_tag_key (tenant_id, billing_period, source, billing_account_id, tag_key) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Scope, Set<String>> e : keys.entrySet()) {
                Date period = Date.valueOf(e.getKey().period());
                del.setString(1, source);
                del.setDate(2, period);
                del.setString(3, e.getKey().account());
                del.addBatch();
                for (String k : e.getValue()) {
                    ins.setString(1, tenant);
                    ins.setDate(2, period);
                    ins.setString(3, source);
                    ins.setString(4, e.getKey().account());
                    ins.setString(5, k);
                    ins.addBatch();
                }
            }
            del.executeBatch();
            ins.executeBatch();
        }
    }
}
