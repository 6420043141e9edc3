/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutePathTest {

    @Test
    void canonicalPathsKeepTheirSegments() {
        RoutePath p = RoutePath.of("/api/v1/rulesets/spend-policy/versions");
        assertTrue(p.canonical());
        assertEquals("/api/v1/rulesets/spend-policy/versions", p.normalized());
        assertEquals(RouteClass.TENANT_API, RouteTable.classify(p));
        assertTrue(RoutePath.of("/api/v1/me/").canonical(), "one trailing slash routes like the path without it");
        assertEquals("/api/v1/me", RoutePath.of("/api/v1/me/").normalized());
        assertEquals("/api/v1/me", RoutePath.of("/api/v1/%6De").normalized(), "unreserved escapes decode");
    }

    @Test
    void matrixParametersAreDroppedAndMakeThePathNonCanonical() {
        for (String raw : new String[]{"/spendApproval;x=1", "/usertasks;x=1/instance", "/policyViolationTriage;a=b", "/api/v1/me;a"}) {
            RoutePath p = RoutePath.of(raw);
            assertFalse(p.canonical(), raw);
            assertTrue(p.defect().contains("matrix"), raw);
        }
        assertEquals("/usertasks/instance", RoutePath.of("/usertasks;x=1/instance").normalized());
        assertEquals(RouteClass.RAW_KOGITO, RouteTable.classify(RoutePath.of("/spendApproval;x=1")));
        assertEquals("/usertasks/instance", RoutePath.of("/usertasks%3Bx=1/instance").normalized(), "an encoded ';' counts too");
    }

    @Test
    void dotSegmentsDuplicateSlashesAndEncodedSeparatorsAreResolvedAndRefused() {
        assertEquals("/usertasks/instance", RoutePath.of("/api/v1/../../usertasks/instance").normalized());
        assertEquals("/usertasks/instance", RoutePath.of("/api/v1/%2e%2e/%2E%2E/usertasks/instance").normalized());
        assertEquals("/spendApproval", RoutePath.of("//spendApproval").normalized());
        assertEquals("/usertasks/instance", RoutePath.of("/usertasks%2Finstance").normalized(), "an encoded '/' splits like a real one");
        assertEquals("/api/v1/me", RoutePath.of("/api/./v1/me").normalized());
        for (String raw : new String[]{"/api/v1/../../usertasks", "/api/v1/%2e%2e/x", "//api/v1/me", "/api//v1/me", "/usertasks%2finstance",
                "/api\\v1", "/api/v1%5Cme", "/api/v1/%ZZ", "/api/v1/%C0%AE", "/api/v1/%00", "api/v1/me"}) {
            assertFalse(RoutePath.of(raw).canonical(), raw);
        }
    }

    @Test
    void classificationIsCaseSensitiveLikeTheRouters() {
        assertEquals(RouteClass.REFUSED, RouteTable.classify(RoutePath.of("/API/V1/me")));
        assertEquals(RouteClass.REFUSED, RouteTable.classify(RoutePath.of("/SPENDAPPROVAL")));
        assertEquals(RouteClass.REFUSED, RouteTable.classify(RoutePath.of("/Usertasks/instance")));
        assertEquals(RouteClass.RAW_KOGITO, RouteTable.classify(RoutePath.of("/usertasks/instance")));
    }

    @Test
    void everyRouteHasAClassAndTheRestIsRefused() {
        assertEquals(RouteClass.PUBLIC, RouteTable.classify(RoutePath.of("/q/health/ready")));
        assertEquals(RouteClass.PUBLIC, RouteTable.classify(RoutePath.of("/q/openapi")));
        assertEquals(RouteClass.PUBLIC, RouteTable.classify(RoutePath.of("/q/metrics")));
        assertEquals(RouteClass.PUBLIC, RouteTable.classify(RoutePath.of("/q/swagger-ui")));
        assertEquals(RouteClass.PUBLIC, RouteTable.classify(RoutePath.of("/q/swagger-ui/index.html")));
        assertEquals(RouteClass.INTERNAL, RouteTable.classify(RoutePath.of("/v2/jobs")));
        assertEquals(RouteClass.INTERNAL, RouteTable.classify(RoutePath.of("/v2/jobs/abc")));
        assertEquals(RouteClass.INTERNAL, RouteTable.classify(RoutePath.of("/management/jobs/spendApproval/instances/i/timers/t")));
        assertEquals(RouteClass.CONSOLE, RouteTable.classify(RoutePath.of("/")));
        assertEquals(RouteClass.CONSOLE, RouteTable.classify(RoutePath.of("/console")));
        assertEquals(RouteClass.CONSOLE, RouteTable.classify(RoutePath.of("/console/approvals/t-1/claim")));
        for (String raw : new String[]{"/Console", "/consoles", "/management/shutdown", "/management/jobs", "/jobs", "/jobs/x", "/callback", "/SpendPolicy",
                "/Allocation", "/AnomalyClassification", "/q/swagger", "/q/dev-ui", "/q/metrics/x", "/api", "/api/v2/me", "/index.html"}) {
            assertEquals(RouteClass.REFUSED, RouteTable.classify(RoutePath.of(raw)), raw);
        }
        assertNull(RoutePath.of("/q/health").defect());
    }
}
