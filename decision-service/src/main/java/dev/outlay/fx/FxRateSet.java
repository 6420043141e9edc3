package dev.outlay.fx;

import dev.outlay.money.FxRate;

import java.time.Instant;
import java.util.List;

/** A stored rate set: immutable, named by the hash of its content; {@code active} when it is the tenant's current one. */
public record FxRateSet(String versionHash, String note, String createdBy, Instant createdAt, boolean active, List<FxRate> rates) {
}
