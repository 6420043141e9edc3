/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.invoice.InvoiceMapping;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Mappings stored per source, each change audited in the same transaction. Only invoice CSV sources take a
 * mapping today; a stored one is validated exactly as an uploaded one, so an upload that falls back to it
 * cannot fail on the mapping itself.
 */
@ApplicationScoped
public class SourceMappingService {

    /** A source name as an upload's {@code connection} gives it, addressable as one path segment. */
    static final String SOURCE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    static final int MAX_BYTES = 64 * 1024;

    @Inject
    SourceMappingRepository repository;

    @Inject
    AuditLog audit;

    public List<SourceMapping> list() {
        return repository.list();
    }

    public SourceMapping get(String source) {
        return find(source).orElseThrow(() -> ProblemException.notFound("No mapping is stored for source " + source + "."));
    }

    /** The stored mapping text of a source, if any. */
    public Optional<SourceMapping> find(String source) {
        if (source == null || !source.matches(SOURCE)) return Optional.empty();
        return repository.find(source);
    }

    @Transactional
    public SourceMapping put(String source, String text) {
        checkSource(source);
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("The mapping is empty.", Problem.Fault.at("mapping", "a JSON or YAML mapping"));
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.badRequest("The mapping is too large.", Problem.Fault.at("mapping", "at most " + MAX_BYTES + " bytes"));
        }
        InvoiceMapping parsed;
        try {
            parsed = InvoiceMapping.parse(text);
        } catch (InvalidConfigException e) {
            throw ProblemException.unprocessable("invalid mapping: " + e.getMessage(), List.of(Problem.Fault.at(e.field(), e.getMessage())));
        }
        Optional<SourceMapping> before = repository.find(source);
        repository.upsert(source, SourceKind.INVOICE_CSV.id(), parsed.version(), text, TenantContext.caller().orElseThrow().subject());
        SourceMapping stored = repository.find(source).orElseThrow();
        audit.record("source-mapping.put", "source-mapping", source, before.orElse(null), stored);
        return stored;
    }

    @Transactional
    public void delete(String source) {
        SourceMapping before = get(source);
        repository.delete(source);
        audit.record("source-mapping.delete", "source-mapping", source, before, null);
    }

    private static void checkSource(String source) {
        if (source == null || !source.matches(SOURCE)) {
            throw ProblemException.badRequest("invalid source name", Problem.Fault.at("source", "letters, digits and . _ : - only, at most 128"));
        }
    }
}
