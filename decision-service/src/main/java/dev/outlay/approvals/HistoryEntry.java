package dev.outlay.approvals;

import java.time.Instant;

/** One step in a spend request's life: who did what, when (created, evaluated, escalated, claimed, approved...). */
public record HistoryEntry(Instant at, String actor, String kind, String detail) {
}
