package dev.outlay.scim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored SCIM group and its members (user id and userName). */
record ScimGroup(UUID id, String displayName, String externalId, long version, Instant created, Instant modified, List<Member> members) {

    record Member(UUID id, String userName) {
    }
}
