package dev.outlay.ingestion;

import java.util.UUID;

/** CDI event: a loaded ingestion's rows left the ledger (fired inside the retraction's transaction, tenant bound). */
public record IngestionRetracted(String tenantId, UUID ingestionId) {
}
