package dev.outlay.console;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The console session {@code TenantFilter} verified for this request, for the page resources behind it. */
@RequestScoped
public class CurrentSession {

    private ConsoleSession session;

    public void set(ConsoleSession session) {
        this.session = session;
    }

    public Optional<ConsoleSession> get() {
        return Optional.ofNullable(session);
    }
}
