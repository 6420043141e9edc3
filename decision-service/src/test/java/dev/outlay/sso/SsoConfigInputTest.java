/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration checks (issuer addresses, roles) and the role-claim mapping, without the service. */
class SsoConfigInputTest {

    static List<String> issuerFaults(String issuer) {
        return new SsoConfigInput(issuer, "c", "s", null, Map.of("g", List.of("finance")), null).faults(false, false)
                .stream().map(f -> f.field() + ": " + f.message()).toList();
    }

    @Test
    void anIssuerIsAPublicHttpsUrlWithoutQuery() {
        assertEquals(List.of(), issuerFaults("https://login.example.com/tenant-1/v2.0"));
        assertEquals(List.of("issuer: must be an https URL"), issuerFaults("http://login.example.com/realm"));
        assertEquals(List.of("issuer: must have no query or fragment"), issuerFaults("https://login.example.com/realm?x=1"));
        for (String internal : List.of("https://127.0.0.1/realm", "https://10.1.2.3/realm", "https://169.254.169.254/latest", "https://[::1]/r")) {
            List<String> f = issuerFaults(internal);
            assertEquals(1, f.size(), internal + " " + f);
            assertTrue(f.get(0).contains("non-public address"), f.get(0));
        }
        // A local test IdP is allowed only when the installation says so.
        assertEquals(List.of(), new SsoConfigInput("http://127.0.0.1:8180/realms/t", "c", "s", null, Map.of("g", List.of("admin")), null)
                .faults(false, true));
    }

    @Test
    void everyFaultIsNamedAndTheSecretMayBeKept() {
        var in = new SsoConfigInput(" ", "", null, "bad claim!", Map.of("g", List.of("finance", "root"), "h", List.of()), null);
        assertEquals(List.of("clientId", "clientSecret", "issuer", "roleClaim", "roleMapping.g", "roleMapping.h"),
                in.faults(false, false).stream().map(SsoFault::field).sorted().toList());
        assertTrue(new SsoConfigInput("https://login.example.com", "c", null, null, Map.of("g", List.of("auditor")), true)
                .faults(true, false).isEmpty(), "a stored secret is kept when none is sent");
    }

    @Test
    void roleClaimsMapFlatNestedAndDottedNames() {
        JwtClaims c = new JwtClaims();
        c.setClaim("groups", List.of("fin", "eng", "other"));
        c.setClaim("realm_access", Map.of("roles", List.of("ops")));
        c.setClaim("https://example.com/role", "lead");
        TreeMap<String, List<String>> m = new TreeMap<>(Map.of("fin", List.of("finance"), "eng", List.of("engineering", "approver"),
                "ops", List.of("platform"), "lead", List.of("leadership")));
        assertEquals(List.of("approver", "engineering", "finance"), List.copyOf(RoleMapping.roles(c, "groups", m)));
        assertEquals(List.of("platform"), List.copyOf(RoleMapping.roles(c, "realm_access.roles", m)));
        assertEquals(List.of("leadership"), List.copyOf(RoleMapping.roles(c, "https://example.com/role", m)));
        assertEquals(List.of(), List.copyOf(RoleMapping.roles(c, "missing", m)));
    }
}
