package dev.outlay.savings;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An actioned (or verified) finding: its baseline (average daily effective cost before the action, per currency,
 * stored when it was actioned) and the resource's effective cost over the post-action window the caller read.
 *
 * @param postDays days of the post window that the ledger covers (0: none yet)
 */
public record ActionedFinding(String findingId, String resourceId, String owner, String action, LocalDate actionedOn, String currency,
                              BigDecimal baselineDaily, BigDecimal postCost, int postDays) {
}
