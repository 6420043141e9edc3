package dev.outlay.allocation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a billing period of the ledger as distinct charge groups: PostgreSQL does the GROUP BY over the
 * dimensions the allocation rules read (ownership tags resolved across their key spellings), so the rules run
 * once per group instead of once per row.
 */
@ApplicationScoped
public class ChargeGroups {

    /** Ledger column (or expression) → rule input name. */
    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("provider_name", "provider");
        DIMENSIONS.put("billing_account_id", "billingAccount");
        // Rules name sub-accounts the way people do ("payments-prod"), so the name wins over the numeric id.
        DIMENSIONS.put("COALESCE(sub_account_name, sub_account_id)", "subAccount");
        DIMENSIONS.put("service_name", "serviceName");
        DIMENSIONS.put("service_category", "serviceCategory");
        DIMENSIONS.put("region_id", "region");
        DIMENSIONS.put("resource_type", "resourceType");
        DIMENSIONS.put("charge_category", "chargeCategory");
    }

    /** Canonical tag → rule input name. */
    static final Map<String, String> TAG_INPUTS = Map.of(
            TagKeys.TEAM, "tagTeam", TagKeys.PRODUCT, "tagProduct", TagKeys.ENVIRONMENT, "tagEnvironment",
            TagKeys.COST_CENTER, "tagCostCenter", TagKeys.APPLICATION, "tagApplication");

    @Inject
    AgroalDataSource dataSource;

    public List<ChargeGroup> load(String tenant, LocalDate billingPeriod) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, tenant, billingPeriod);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger for allocation", e);
        }
    }

    public boolean hasRows(String tenant, LocalDate billingPeriod) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ?)")) {
            ps.setString(1, tenant);
            ps.setDate(2, Date.valueOf(billingPeriod));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger for allocation", e);
        }
    }

    /**
     * The set-wise read on a given connection; plain JDBC, so the allocation benchmark runs it without the service.
     * One scan: PostgreSQL groups the period by the dimensions, the day and the whole tag object, then (on those
     * far fewer groups) keeps only keys that may be ownership tags and groups again. Key spellings are resolved
     * here with {@link TagKeys}, so no second pass over the ledger is needed to learn which spellings occur.
     */
    public static List<ChargeGroup> load(Connection c, String tenant, LocalDate billingPeriod) throws SQLException {
        List<String> cols = new ArrayList<>(DIMENSIONS.keySet());
        StringBuilder sql = new StringBuilder("WITH g AS MATERIALIZED (SELECT ");
        for (int i = 0; i < cols.size(); i++) sql.append(cols.get(i)).append(" AS d").append(i).append(", ");
        sql.append("(charge_period_start AT TIME ZONE 'UTC')::date AS day, tags, sum(effective_cost) AS cost, count(*) AS n ")
                .append("FROM outlay.ledger_charge WHERE tenant_id = ? AND billing_period = ? GROUP BY ");
        for (int i = 1; i <= cols.size() + 2; i++) sql.append(i > 1 ? ", " : "").append(i);
        sql.append(") SELECT ");
        for (int i = 0; i < cols.size(); i++) sql.append('d').append(i).append(", ");
        sql.append("day, (SELECT jsonb_object_agg(k, v) FROM jsonb_each_text(g.tags) e(k, v) ")
                .append("WHERE regexp_replace(lower(k), '[-_.[:space:]]', '', 'g') ~ ?)::text, sum(cost), sum(n) FROM g GROUP BY ");
        for (int i = 1; i <= cols.size() + 2; i++) sql.append(i > 1 ? ", " : "").append(i);

        List<String> tagOrder = new ArrayList<>(new TreeSet<>(TAG_INPUTS.keySet()));
        // Groups whose tag values differ only in key spelling, case or spacing merge after normalisation.
        TreeMap<String, ChargeGroup> merged = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, tenant);
            ps.setDate(2, Date.valueOf(billingPeriod));
            ps.setString(3, TagKeys.candidatePattern());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> inputs = new TreeMap<>();
                    int col = 1;
                    for (String name : DIMENSIONS.values()) inputs.put(name, rs.getString(col++));
                    java.time.LocalDate day = rs.getDate(col++).toLocalDate();
                    Map<String, String> owned = ownershipTags(rs.getString(col++));
                    for (String canonical : tagOrder) inputs.put(TAG_INPUTS.get(canonical), owned.get(canonical));
                    BigDecimal cost = rs.getBigDecimal(col++);
                    long rows = rs.getLong(col);
                    String key = inputs + "@" + day;
                    ChargeGroup prev = merged.get(key);
                    merged.put(key, prev == null ? new ChargeGroup(inputs, day, cost, rows)
                            : new ChargeGroup(inputs, day, prev.effectiveCost().add(cost), prev.rows() + rows));
                }
            }
        }
        return new ArrayList<>(merged.values());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * Canonical ownership tag → normalised value. When several spellings of one tag carry a value, the spelling
     * that sorts first wins (deterministic whatever order the export wrote them in); blank values do not count.
     */
    static Map<String, String> ownershipTags(String json) {
        Map<String, String> out = new TreeMap<>();
        if (json == null) return out;
        TreeMap<String, Object> raw;
        try {
            raw = JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<TreeMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable tag object from the ledger", e);
        }
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            if (e.getValue() == null) continue;
            String v = e.getValue().toString().replaceAll("^ +| +$", "");
            if (v.isEmpty()) continue;
            TagKeys.canonical(e.getKey()).ifPresent(k -> {
                if (!out.containsKey(k)) out.put(k, TagKeys.normalizeValue(v));
            });
        }
        return out;
    }
}
