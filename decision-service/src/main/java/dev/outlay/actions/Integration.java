package dev.outlay.actions;

import java.time.Instant;
import java.util.UUID;

/** An integration connection as the API and the audit log see it: the secret is only ever "***". */
public record Integration(UUID id, String name, String kind, String url, String channel, String issueType,
                          java.util.Map<String, String> assignees, java.util.Map<String, String> users, String ref, String secret, boolean inboundSecret, boolean healthy, String healthDetail,
                          String createdBy, Instant createdAt) {

    public static final String MASK = "***";
}
