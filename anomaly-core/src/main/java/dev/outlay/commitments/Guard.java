package dev.outlay.commitments;

/** Why a recommendation commits less than the whole history suggests, or says less. */
public enum Guard {
    /** The last 14 days average ≥ 1.2 × the days before them: the spike is left out of the basis. */
    RECENT_SPIKE,
    /** The last 7 days alone support a lower commitment than the basis: the lower one is taken (Azure's rule). */
    RECENT_DECLINE,
    /** The last 30 days average ≥ 10 % below the 30 before them. */
    DECLINING_TREND,
    /** The ledger keeps days, not hours: a day is treated as 24 equal hours, which hides intra-day dips. */
    DAILY_GRANULARITY
}
