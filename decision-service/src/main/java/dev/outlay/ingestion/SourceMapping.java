package dev.outlay.ingestion;

import java.time.Instant;

/** The declarative mapping stored for one source, as its author wrote it (JSON or YAML). */
public record SourceMapping(String source, String kind, String version, String mapping, String updatedBy, Instant updatedAt) {
}
