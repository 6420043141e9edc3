/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.platform.SecretBox;
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Connection changes, each audited in the same transaction. Credentials are sealed before they reach the
 * repository and the audit log sees only the secret-free {@link Connection} view.
 */
@ApplicationScoped
public class ConnectionService {

    @Inject
    ConnectionRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    Secrets secrets;

    @Inject
    ConnectionsConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    dev.outlay.usage.ConnectionLimit limit;

    @Inject
    dev.outlay.usage.UsageMeter meter;

    public List<Connection> list() {
        return repository.list();
    }

    public Connection get(UUID id) {
        // Another tenant's connection is invisible (row-level security), so it is indistinguishable from a missing one.
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("No connection " + id + "."));
    }

    @Transactional
    public Connection create(ConnectionInput in) {
        validate(in, true);
        if (repository.nameTaken(in.name())) throw ProblemException.conflict("A connection named " + in.name() + " already exists.");
        limit.requireRoomForOneMore();
        UUID id = UUID.randomUUID();
        String sealed = seal(id, in.credentials());
        repository.insert(id, in, in.config().normalised(), sealed, TenantContext.caller().orElseThrow().subject());
        Connection stored = get(id);
        audit.record("connection.create", "connection", id.toString(), null, stored);
        meter.connectionAdded(id, stored.kind());
        return stored;
    }

    /**
     * Creates a connection whose endpoints are the demo's local stub of a vendor API: like {@link #create}, except that
     * custom endpoints are allowed when every endpoint is on the loopback address. Only the demo calls it.
     */
    @Transactional
    public Connection createLoopbackStub(ConnectionInput in) {
        if (in == null || in.endpoints().isEmpty() || !in.endpoints().stream().allMatch(ConnectionService::loopback)) {
            throw new IllegalArgumentException("a stub connection's endpoints must be on 127.0.0.1");
        }
        List<Problem.Fault> faults = in.faults(true, true);
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The connection is not valid.", faults);
        if (repository.nameTaken(in.name())) throw ProblemException.conflict("A connection named " + in.name() + " already exists.");
        UUID id = UUID.randomUUID();
        repository.insert(id, in, in.config().normalised(), seal(id, in.credentials()), TenantContext.caller().orElseThrow().subject());
        Connection stored = get(id);
        audit.record("connection.create", "connection", id.toString(), null, stored);
        return stored;
    }

    private static boolean loopback(String endpoint) {
        return endpoint != null && java.net.URI.create(endpoint).getHost() != null && java.net.URI.create(endpoint).getHost().equals("127.0.0.1");
    }

    @Transactional
    public Connection update(UUID id, ConnectionInput in) {
        Connection before = get(id);
        validate(in, false);
        if (!before.kind().equals(in.kind())) {
            throw ProblemException.unprocessable("The connection is not valid.",
                    List.of(Problem.Fault.at("kind", "cannot change once created (" + before.kind() + ")")));
        }
        if (!before.name().equals(in.name())) {
            // The name scopes the ledger rows the connection loaded (replace scope, source health): renaming would orphan them.
            throw ProblemException.unprocessable("The connection is not valid.",
                    List.of(Problem.Fault.at("name", "cannot change once created (it scopes the ledger rows the connection loaded)")));
        }
        boolean enabled = in.enabled() == null ? before.enabled() : in.enabled();
        String sealed = in.credentials() == null ? null : seal(id, in.credentials());
        repository.update(id, enabled, in.config().normalised(), sealed);
        Connection stored = get(id);
        audit.record("connection.update", "connection", id.toString(), before, stored);
        return stored;
    }

    @Transactional
    public void delete(UUID id) {
        Connection before = get(id);
        repository.delete(id);
        audit.record("connection.delete", "connection", id.toString(), before, null);
        meter.connectionRemoved(id, before.kind());
    }

    /** The stored credentials in clear, for the S3 client of a poll; never for an API answer. */
    public AwsCredentials credentials(UUID id) {
        return storedCredentials(id).orElseThrow(() -> new IllegalStateException("connection " + id + " has no credentials"));
    }

    /** The stored credentials in clear, or empty for a connection that assumes a role without keys. */
    public java.util.Optional<AwsCredentials> storedCredentials(UUID id) {
        return secret(id, AwsCredentials.class);
    }

    /** The stored secret of a connection in clear, as its kind's record; empty when none is stored. */
    public <T extends ConnectionSecret> java.util.Optional<T> secret(UUID id, Class<T> type) {
        java.util.Optional<String> stored = repository.sealedSecret(id);
        if (stored.isEmpty()) return java.util.Optional.empty();
        String sealed = stored.get();
        try {
            return java.util.Optional.of(json.readValue(box().open(sealed, TenantContext.requireTenant(), purpose(id)), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credentials of connection " + id + " are unreadable", e);
        }
    }

    /** The stored secret of a SaaS connection in clear, for the client of a poll; never for an API answer. */
    public ApiSecret apiSecret(UUID id) {
        return secret(id, ApiSecret.class).orElseThrow(() -> new IllegalStateException("connection " + id + " has no secret"));
    }

    private String seal(UUID id, ConnectionSecret credentials) {
        if (credentials == null) return null;
        try {
            return box().seal(json.writeValueAsString(credentials), TenantContext.requireTenant(), purpose(id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretBox box() {
        try {
            return secrets.box();
        } catch (IllegalStateException e) {
            throw new ProblemException(Problem.of(503, "Secrets unavailable",
                    "This installation has no secrets key (OUTLAY_SECRETS_KEY), so it stores no credentials."));
        }
    }

    private static String purpose(UUID id) {
        return "connection:" + id;
    }

    private void validate(ConnectionInput in, boolean creating) {
        if (in == null) throw ProblemException.badRequest("A connection body is required.");
        List<Problem.Fault> faults = in.faults(creating, config.allowCustomEndpoints());
        if (!faults.isEmpty()) throw ProblemException.unprocessable("The connection is not valid.", faults);
    }
}
