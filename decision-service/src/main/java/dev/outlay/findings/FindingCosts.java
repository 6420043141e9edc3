package dev.outlay.findings;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resource's daily run rate from the ledger, per currency: before an action (the baseline stored with it) and after
 * it (what verification compares). Days without a charge count as zero; currencies are never mixed.
 */
@ApplicationScoped
public class FindingCosts {

    /** Days of ledger the baseline averages over (the billing window the detectors judge). */
    static final int BASELINE_DAYS = 30;
    private static final int SCALE = 6;

    @Inject
    AgroalDataSource dataSource;

    /** The outcome of comparing the cost after an action with its baseline. */
    public record Drop(boolean dropped, Map<String, BigDecimal> before, Map<String, BigDecimal> after, LocalDate ledgerEnd, String why) {
    }

    /** Average daily cost per currency over the {@value #BASELINE_DAYS} ledger days up to and including {@code day}. */
    public Map<String, BigDecimal> dailyBefore(String resourceId, LocalDate day) {
        LocalDate end = ledgerEnd().filter(e -> e.isBefore(day)).orElse(day);
        return daily(resourceId, end.minusDays(BASELINE_DAYS - 1L), end, BASELINE_DAYS);
    }

    /**
     * Whether the cost dropped after the action taken on {@code actionDay}: every currency of the baseline is now
     * billed at a lower daily rate over the ledger days after that day. Undecided (not dropped) until the ledger holds
     * at least one day after the action.
     */
    public Drop compare(String resourceId, Map<String, BigDecimal> baseline, LocalDate actionDay) {
        Optional<LocalDate> end = ledgerEnd();
        if (end.isEmpty() || !end.get().isAfter(actionDay)) {
            return new Drop(false, baseline, Map.of(), end.orElse(null), "the ledger has no day after the action yet");
        }
        if (baseline == null || baseline.values().stream().noneMatch(v -> v.signum() > 0)) {
            return new Drop(false, baseline, Map.of(), end.get(), "the resource had no cost before the action to compare with");
        }
        int days = (int) ChronoUnit.DAYS.between(actionDay, end.get());
        Map<String, BigDecimal> after = daily(resourceId, actionDay.plusDays(1), end.get(), days);
        for (Map.Entry<String, BigDecimal> b : baseline.entrySet()) {
            if (b.getValue().signum() <= 0) continue;
            BigDecimal now = after.getOrDefault(b.getKey(), BigDecimal.ZERO);
            if (now.compareTo(b.getValue()) >= 0) {
                return new Drop(false, baseline, after, end.get(), b.getKey() + " " + now.toPlainString() + "/day after the action, "
                        + b.getValue().toPlainString() + "/day before");
            }
        }
        return new Drop(true, baseline, after, end.get(), "daily cost after the action " + after + " below " + baseline
                + " over " + days + " ledger day(s) to " + end.get());
    }

    /** The newest charge day of the tenant's ledger. */
    public Optional<LocalDate> ledgerEnd() {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT max((charge_period_start AT TIME ZONE 'UTC')::date) FROM outlay.ledger_charge WHERE tenant_id = ?")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date d = rs.getDate(1);
                return Optional.ofNullable(d == null ? null : d.toLocalDate());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the ledger's newest day", e);
        }
    }

    private Map<String, BigDecimal> daily(String resourceId, LocalDate from, LocalDate to, int days) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                SELECT billing_currency, sum(effective_cost) FROM outlay.ledger_charge
                WHERE tenant_id = ? AND resource_id = ? AND charge_period_start >= ? AND charge_period_start < ?
                GROUP BY billing_currency ORDER BY billing_currency""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, resourceId);
            ps.setObject(3, from.atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
            ps.setObject(4, to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toOffsetDateTime());
            Map<String, BigDecimal> out = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2).divide(BigDecimal.valueOf(days), SCALE, RoundingMode.HALF_EVEN));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the resource's ledger cost", e);
        }
    }
}
