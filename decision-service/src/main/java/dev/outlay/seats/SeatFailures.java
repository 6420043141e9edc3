/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.seats;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.connectors.saas.UnpricedSkuException;

import java.util.List;
import java.util.UUID;

/** The problem a failed seat poll answers with: what failed and where, and the failed ingestion that records it. */
final class SeatFailures {

    private SeatFailures() {
    }

    static ProblemException of(SaasReadException e, UUID ingestion) {
        String detail = e.getMessage() + suffix(ingestion);
        return switch (e.kind()) {
            case CREDENTIALS_REJECTED -> new ProblemException(Problem.of(422, "Credentials rejected", detail)
                    .withErrors(List.of(Problem.Fault.at("credentials.secret", "rejected by the vendor at " + e.where()))));
            case NOT_FOUND -> new ProblemException(Problem.of(422, "Not found at the vendor", detail)
                    .withErrors(List.of(Problem.Fault.at("config", "the vendor has nothing at " + e.where()))));
            default -> new ProblemException(Problem.of(502, "Vendor API failed", detail)
                    .withErrors(List.of(Problem.Fault.at(null, e.kind().name().toLowerCase().replace('_', ' ') + " at " + e.where()))));
        };
    }

    static ProblemException of(UnpricedSkuException e, UUID ingestion) {
        return new ProblemException(Problem.of(422, "Seats without a contract price", e.getMessage() + suffix(ingestion))
                .withErrors(e.skus().stream().map(s -> Problem.Fault.at("contractPrices[" + e.vendor() + "/" + s + "]",
                        "no price in force for SKU " + s)).toList()));
    }

    private static String suffix(UUID ingestion) {
        return ingestion == null ? "; nothing was loaded" : "; nothing was loaded (failed ingestion " + ingestion + ")";
    }
}
