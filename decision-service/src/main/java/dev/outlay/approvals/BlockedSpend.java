/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import dev.outlay.api.problem.Problem;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 422 answer for a spend request the policy blocked: a problem whose extra members name the recorded request
 * (it is stored, so a caller can read it back at Location), shared by every route that files spend requests.
 */
public final class BlockedSpend {

    private BlockedSpend() {
    }

    /** {@code payloadKey} names what the caller sent (the request itself, or the purchase it was made from). */
    public static Response response(SpendRequest r, String payloadKey, Object payload) {
        Problem p = Problem.of(422, "Blocked by spend policy", r.policyReason());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        body.put("ruleId", r.ruleId());
        body.put("spendRequestId", r.id());
        body.put(payloadKey, payload);
        return Response.status(422).type(Problem.MEDIA_TYPE).header("Location", "/api/v1/spend-requests/" + r.id()).entity(body).build();
    }
}
