package dev.outlay.budgets;

import dev.outlay.tenancy.TenantConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads actuals from the ledger's daily rollup {@code outlay.cost_daily} when that table exists (it is created by the
 * ledger work, not by this branch); until then every budget shows no actuals. Expected columns: {@code day date},
 * {@code amount numeric} and one column per scope type ({@code team, product, environment, cost_centre, account}).
 * A missing table or column is treated as "no data" so budgets keep working while the ledger evolves.
 */
@ApplicationScoped
public class LedgerActualSpend implements ActualSpend {

    private static final Logger LOG = Logger.getLogger(LedgerActualSpend.class);
    static final Map<String, String> SCOPE_COLUMNS = Map.of("team", "team", "product", "product", "environment", "environment",
            "costCentre", "cost_centre", "account", "account");

    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<DailyAmount> daily(BudgetScope scope, java.time.LocalDate from, java.time.LocalDate to) {
        String column = SCOPE_COLUMNS.get(scope.type());
        try (Connection c = TenantConnections.open(dataSource)) {
            if (!hasColumns(c, column)) return List.of();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, sum(amount) FROM outlay.cost_daily WHERE " + column
                    + " = ? AND day >= ? AND day < ? GROUP BY day ORDER BY day")) {
                ps.setString(1, scope.value());
                ps.setDate(2, Date.valueOf(from));
                ps.setDate(3, Date.valueOf(to));
                List<DailyAmount> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new DailyAmount(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)));
                }
                return out;
            }
        } catch (SQLException e) {
            LOG.warnf("ledger actuals unavailable (%s); budget status shows no actuals", e.getMessage());
            return List.of();
        }
    }

    private static boolean hasColumns(Connection c, String scopeColumn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'outlay' AND table_name = 'cost_daily' AND column_name IN ('day', 'amount', ?)""")) {
            ps.setString(1, scopeColumn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 3;
            }
        }
    }
}
