/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who sees which findings. FinOps, administrators and auditors see every owner's. Platform and engineering see the
 * findings of the owner groups their token names (the groups the triage tasks of those owners are assigned to, as the
 * inbox reads them): a finding of another team reads as not found, to them it does not exist.
 */
@ApplicationScoped
public class FindingAccess {

    private static final Set<String> SEE_ALL = Set.of("admin", "finops_admin", "auditor");

    @Inject
    FindingStore store;

    /** The owners the caller may see, or null for all of them. */
    public Set<String> visibleOwners() {
        Caller caller = TenantContext.caller().orElseThrow();
        if (caller.roles().stream().anyMatch(SEE_ALL::contains)) return null;
        Set<String> groups = new TreeSet<>(caller.roles());
        groups.removeAll(Caller.ROLES);
        return groups;
    }

    /** The finding, when it exists and the caller may see it; 404 otherwise. */
    public StoredFinding require(String id) {
        Set<String> owners = visibleOwners();
        return store.find(id).filter(f -> owners == null || owners.contains(f.owner()))
                .orElseThrow(() -> ProblemException.notFound("No finding " + id + "."));
    }
}
