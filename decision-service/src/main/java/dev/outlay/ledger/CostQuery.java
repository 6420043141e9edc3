package dev.outlay.ledger;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated cost query: [from, to) in UTC days, the dimensions to group by and the cost metric. Dimension
 * names map to fixed column expressions (never user text in SQL); {@code tag:<key>} binds the key as a parameter.
 */
public record CostQuery(LocalDate from, LocalDate to, List<String> groupBy, String metric) {

    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();
    static final Map<String, String> METRICS = Map.of("effectiveCost", "effective_cost", "billedCost", "billed_cost", "listCost", "list_cost");

    static {
        DIMENSIONS.put("provider", "provider_name");
        DIMENSIONS.put("billingAccount", "billing_account_id");
        DIMENSIONS.put("subAccount", "sub_account_id");
        DIMENSIONS.put("service", "service_name");
        DIMENSIONS.put("serviceCategory", "service_category");
        DIMENSIONS.put("region", "region_id");
        DIMENSIONS.put("chargeCategory", "charge_category");
        DIMENSIONS.put("source", "source");
        DIMENSIONS.put("day", "day");
        DIMENSIONS.put("month", "billing_period");
    }

    /** Owner dimensions, read from the allocation run in force per billing period (see {@link OwnerCosts}). */
    static final Map<String, String> OWNER_DIMENSIONS = new LinkedHashMap<>();

    static {
        OWNER_DIMENSIONS.put("team", "team");
        OWNER_DIMENSIONS.put("product", "product");
        OWNER_DIMENSIONS.put("environment", "environment");
        OWNER_DIMENSIONS.put("costCentre", "cost_center");
    }

    public static final int MAX_DAYS = 732;

    public static CostQuery parse(String from, String to, String groupBy, String metric) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (!t.isAfter(f)) throw ProblemException.badRequest("to must be after from", Problem.Fault.at("to", "exclusive end, after from"));
        if (f.plusDays(MAX_DAYS).isBefore(t)) throw ProblemException.badRequest("window too large", Problem.Fault.at("to", "at most " + MAX_DAYS + " days"));
        List<String> dims = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String d : groupBy.split(",")) {
                String dim = d.trim();
                if (dim.isEmpty()) continue;
                boolean tag = dim.startsWith("tag:") && dim.length() > 4;
                if (!tag && !DIMENSIONS.containsKey(dim) && !OWNER_DIMENSIONS.containsKey(dim)) {
                    throw ProblemException.badRequest("unknown groupBy dimension '" + dim + "'",
                            Problem.Fault.at("groupBy", "allowed: " + String.join(", ", DIMENSIONS.keySet()) + ", "
                                    + String.join(", ", OWNER_DIMENSIONS.keySet()) + ", tag:<key>"));
                }
                if (!dims.contains(dim)) dims.add(dim);
            }
        }
        if (dims.size() > 6) throw ProblemException.badRequest("too many groupBy dimensions", Problem.Fault.at("groupBy", "at most 6"));
        String m = metric == null || metric.isBlank() ? "effectiveCost" : metric.trim();
        if (!METRICS.containsKey(m)) {
            throw ProblemException.badRequest("unknown metric '" + m + "'", Problem.Fault.at("metric", "effectiveCost, billedCost or listCost"));
        }
        if (dims.stream().anyMatch(OWNER_DIMENSIONS::containsKey)) {
            // Owner totals exist per billing period (shared splits are computed per period), so only the month combines.
            for (String d : dims) {
                if (!OWNER_DIMENSIONS.containsKey(d) && !d.equals("month")) {
                    throw ProblemException.badRequest("owner dimensions combine with month only",
                            Problem.Fault.at("groupBy", "'" + d + "' cannot be combined with " + String.join(", ", OWNER_DIMENSIONS.keySet())));
                }
            }
            if (!m.equals("effectiveCost")) {
                throw ProblemException.badRequest("owner dimensions report the allocated effective cost",
                        Problem.Fault.at("metric", "effectiveCost when grouping by owner dimensions"));
            }
        }
        return new CostQuery(f, t, List.copyOf(dims), m);
    }

    public boolean byOwner() {
        return groupBy.stream().anyMatch(OWNER_DIMENSIONS::containsKey);
    }

    public boolean needsTags() {
        return groupBy.stream().anyMatch(d -> d.startsWith("tag:"));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) throw ProblemException.badRequest(field + " is required", Problem.Fault.at(field, "YYYY-MM-DD"));
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is not a date", Problem.Fault.at(field, "YYYY-MM-DD"));
        }
    }
}
