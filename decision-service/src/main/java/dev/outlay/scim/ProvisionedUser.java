package dev.outlay.scim;

import java.util.List;
import java.util.Set;

/**
 * A SCIM-provisioned user as Outlay sees them: the subject (userName), whether they are active, their groups and the
 * Outlay roles those groups map to (none while inactive). For the sign-in paths, which take roles from here for a
 * provisioned user.
 */
public record ProvisionedUser(String subject, boolean active, List<String> groups, Set<String> roles) {
}
