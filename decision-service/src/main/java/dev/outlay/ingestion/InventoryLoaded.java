package dev.outlay.ingestion;

/**
 * CDI event: an inventory or metrics import, or an {@code aws-inventory} read, was stored for a tenant (fired after
 * the store committed, tenant bound; a refused import or a failed read fires nothing).
 *
 * @param source the inventory source ({@code upload}, {@code upload:<name>}, {@code connection:<id>})
 */
public record InventoryLoaded(String tenantId, String source) {
}
