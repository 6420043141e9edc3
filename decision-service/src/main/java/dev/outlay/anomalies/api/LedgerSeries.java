package dev.outlay.anomalies.api;

import dev.outlay.anomalies.DailyPoint;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.SeriesKey;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily (sub-account, service) series from the ledger, with the signals the detector decomposes and classifies
 * with: usage quantity, credits, purchases and resource counts. The newest day in the ledger is marked incomplete
 * (providers deliver a day in several drops), so it can never raise a false drop.
 */
@ApplicationScoped
public class LedgerSeries {

    @Inject
    AgroalDataSource dataSource;

    public List<DailySeries> load(String tenant, LocalDate from, LocalDate to) {
        String sql = """
                SELECT COALESCE(sub_account_name, sub_account_id, billing_account_id), service_name,
                       (charge_period_start AT TIME ZONE 'UTC')::date AS day,
                       sum(effective_cost),
                       sum(consumed_quantity) FILTER (WHERE charge_category = 'Usage'),
                       sum(effective_cost) FILTER (WHERE charge_category = 'Credit'),
                       sum(effective_cost) FILTER (WHERE charge_category = 'Purchase'),
                       count(DISTINCT resource_id)
                FROM outlay.ledger_charge
                WHERE tenant_id = ? AND charge_period_start >= ? AND charge_period_start < ?
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""";
        Map<SeriesKey, List<DailyPoint>> points = new TreeMap<>();
        LocalDate newest = null;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT max((charge_period_start AT TIME ZONE 'UTC')::date) FROM outlay.ledger_charge WHERE tenant_id = ?")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getDate(1) != null) newest = rs.getDate(1).toLocalDate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant);
                ps.setObject(2, from.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
                ps.setObject(3, to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SeriesKey key = SeriesKey.of(rs.getString(1), rs.getString(2));
                        LocalDate day = rs.getDate(3).toLocalDate();
                        boolean complete = newest == null || day.isBefore(newest);
                        points.computeIfAbsent(key, k -> new ArrayList<>()).add(new DailyPoint(day, rs.getBigDecimal(4),
                                rs.getBigDecimal(5), complete, rs.getInt(8), null, null, null, rs.getBigDecimal(6), rs.getBigDecimal(7)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's daily series", e);
        }
        List<DailySeries> out = new ArrayList<>();
        points.forEach((k, v) -> out.add(new DailySeries(k, v)));
        return out;
    }
}
