package dev.outlay.inventory;

import java.time.Instant;
import java.util.UUID;

/** One stored import as {@code GET /api/v1/inventory/imports} lists it. */
public record InventoryImport(UUID id, String source, String content, String format, String fileSha256, int items,
                              int samples, String createdBy, Instant createdAt) {
}
