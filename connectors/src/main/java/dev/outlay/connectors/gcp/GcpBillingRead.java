package dev.outlay.connectors.gcp;

import java.time.Instant;
import java.util.List;

/**
 * The result of one incremental read of one invoice month. When {@link #changed()} is false nothing was exported
 * for the month after the given watermark and {@link #rows()} is empty; otherwise {@link #rows()} holds the
 * <em>whole</em> month (the replace scope) and {@link #watermark()} the newest {@code export_time} in it.
 */
public record GcpBillingRead(String invoiceMonth, boolean changed, List<GcpBillingRow> rows, Instant watermark,
                             String schemaVersion) {
    public GcpBillingRead {
        rows = List.copyOf(rows);
    }
}
