package dev.outlay.allocation;

import java.math.BigDecimal;
import java.util.List;

/** What a version of the allocation rules makes of one billing period. Lines add up to {@code total} exactly. */
public record AllocationOutcome(BigDecimal total, BigDecimal allocated, BigDecimal coveragePct, List<Line> lines,
                                List<GroupResult> groups, List<Pool> pools) {

    /** A statement line: an owner (or the unallocated row with its reason) with direct and split shares. */
    public record Line(Owner owner, BigDecimal direct, BigDecimal shared, BigDecimal total, String reason) {
    }

    /** A shared-cost pool of the period and the policy that split it. */
    public record Pool(String name, String method, java.util.SortedMap<String, BigDecimal> ratios, String ruleId, BigDecimal amount) {
    }

    public enum Kind { direct, shared, unallocated }

    public record GroupResult(ChargeGroup group, Owner owner, String ruleId, Kind kind, String reason) {
    }
}
