package dev.outlay.ingestion;

import java.util.UUID;

/** CDI event: an ingestion loaded into a tenant's ledger (fired on the worker thread, tenant bound). */
public record IngestionSucceeded(String tenantId, UUID ingestionId) {
}
