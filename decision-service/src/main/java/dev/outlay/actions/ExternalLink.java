package dev.outlay.actions;

import java.time.Instant;
import java.util.UUID;

/** The issue Outlay opened for a subject in an outside system, as Outlay keeps it (never from the system's search). */
public record ExternalLink(UUID integrationId, String subjectType, String subjectId, String key, String url, String status,
                           UUID deliveryId, Instant createdAt, Instant updatedAt) {
}
