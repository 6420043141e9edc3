package dev.outlay.findings;

import dev.outlay.model.inventory.ResourceKind;

/**
 * What inventory says about one resource on the scan date, for the rule sets to judge (unattached volume,
 * unassociated IP, stopped instance still paying storage, snapshot whose source is gone) and to waive (young
 * resources, backup/DR tags, a recent resize).
 *
 * @param ageDays          whole days since creation, or -1 when the source does not say
 * @param daysInState      whole days in the current state, or -1 when the source does not say
 * @param attached         attached to or associated with another resource
 * @param waiverTag        the first tag (key=value) of the tenant's waiver list the resource carries, or null
 * @param sizesBilledRecently distinct usage types billed for it in the resize look-back (more than one = resized)
 */
public record InventorySignal(String resourceId, ResourceKind kind, String state, String size, long ageDays,
                              long daysInState, boolean attached, String waiverTag, int sizesBilledRecently) {
}
