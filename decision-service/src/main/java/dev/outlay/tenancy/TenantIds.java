package dev.outlay.tenancy;

import java.util.regex.Pattern;

/** Tenant ids travel in tokens, logs and CSV exports, so they are restricted to a safe slug. */
public final class TenantIds {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private TenantIds() {
    }

    public static boolean valid(String id) {
        return id != null && SLUG.matcher(id).matches();
    }
}
