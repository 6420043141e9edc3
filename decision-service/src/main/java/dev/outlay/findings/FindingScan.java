package dev.outlay.findings;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A scan as an observable job: queued → running → succeeded | failed, with progress and what it changed. */
public record FindingScan(UUID id, String status, String trigger, String profile, String profileVersion, LocalDate asOf,
                          Progress progress, Counts counts, String createdBy, Instant startedAt, Instant finishedAt,
                          @JsonRawValue String problem) {

    /** Resources evaluated so far out of those the scan read (null until the facts are read). */
    public record Progress(Integer resourcesTotal, int resourcesEvaluated) {
    }

    /** Findings the scan detected, and how the stored findings changed because of it. */
    public record Counts(int detected, int created, int updated, int closed, int verified, int reopened) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    public boolean open() {
        return status.equals("queued") || status.equals("running");
    }
}
