package dev.outlay.console;

import dev.outlay.tenancy.Caller;

import java.time.Instant;
import java.util.Set;

/**
 * Who is signed in to the console: the caller the pages act as, when the session ends, and the CSRF token every form
 * of this session must carry back.
 */
public record ConsoleSession(Caller caller, Instant expires, String csrf) {

    /** The persona the home page is built for: the first of the session's roles that has one. */
    public String persona() {
        for (String p : new String[]{"leadership", "finance", "platform", "engineering"}) {
            if (caller.hasRole(p)) return p;
        }
        if (caller.hasRole("admin") || caller.hasRole("finops_admin")) return "platform";
        return "finance";
    }

    public Set<String> roles() {
        return caller.roles();
    }
}
