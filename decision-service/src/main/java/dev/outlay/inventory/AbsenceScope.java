package dev.outlay.inventory;

import dev.outlay.model.inventory.ResourceKind;

/**
 * A (region, kind) a read listed completely. A connection read marks unlisted items absent only inside the scopes
 * it listed: a listing AWS denied says nothing about the resources it would have returned.
 */
public record AbsenceScope(String region, ResourceKind kind) {
}
