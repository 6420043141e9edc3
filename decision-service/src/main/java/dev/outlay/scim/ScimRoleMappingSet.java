package dev.outlay.scim;

import java.util.List;

/** A tenant's whole group → role mapping, as read and as replaced. */
public record ScimRoleMappingSet(List<ScimRoleMapping> mappings) {
}
