package dev.outlay.connectors.gcp;

import dev.outlay.model.Charge;

import java.time.Instant;
import java.util.List;

/**
 * One mapped export row: the canonical charge (billed cost = {@code cost}, effective cost = cost + Σ credits),
 * the credits by type (the ledger's charge has no column for them), the invoice month (the replace scope,
 * {@code YYYYMM}) and the row's {@code export_time} (the incremental watermark).
 */
public record GcpBillingRow(Charge charge, List<GcpCredit> credits, String invoiceMonth, Instant exportTime) {
    public GcpBillingRow {
        credits = List.copyOf(credits);
    }
}
