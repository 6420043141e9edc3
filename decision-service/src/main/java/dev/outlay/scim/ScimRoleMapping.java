package dev.outlay.scim;

import java.util.List;

/** The Outlay roles the members of one IdP group (by its SCIM displayName) get. */
public record ScimRoleMapping(String group, List<String> roles) {
}
