package dev.outlay.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** A stored SCIM user: indexed columns and the attributes as last written. {@code userName} is the Outlay subject. */
record ScimUser(UUID id, String userName, String externalId, String displayName, boolean active, ObjectNode attributes,
                long version, Instant created, Instant modified) {
}
