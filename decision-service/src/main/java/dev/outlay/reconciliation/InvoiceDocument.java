package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored invoice summary: which file, which period (YYYY-MM) and currency, which accounts, how many lines. */
public record InvoiceDocument(UUID id, String fileName, String format, String sha256, String period, String currency,
                              List<String> accounts, int lineCount, BigDecimal total, String createdBy, Instant createdAt) {
}
