/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.stripe.StripeConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A company's own Stripe account (kind {@code stripe}): its account id and, optionally, a label for its charges
 * (FOCUS BillingAccountName, the account id when absent); the secret or restricted API key is the sealed credential.
 * {@code backfillMonths} (0-24, default 3) is how many months before the current one the first poll loads.
 * {@code apiEndpoint} overrides Stripe's API (tests, the demo's stub) only where custom endpoints are allowed.
 */
public record StripeSettings(String accountId, String accountName, Integer backfillMonths, String apiEndpoint) implements ConnectionSettings {

    static final int MAX_BACKFILL = 24;

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        try {
            StripeConfig.validate(accountId);
        } catch (InvalidConfigException e) {
            f.add(Problem.Fault.at("config." + e.field(), e.getMessage()));
        }
        if (accountName != null && accountName.length() > 200) f.add(Problem.Fault.at("config.accountName", "at most 200 characters"));
        if (backfillMonths != null && (backfillMonths < 0 || backfillMonths > MAX_BACKFILL)) {
            f.add(Problem.Fault.at("config.backfillMonths", "0 to " + MAX_BACKFILL + " months"));
        }
        f.addAll(CustomEndpoint.faults("config.apiEndpoint", apiEndpoint, customEndpointsAllowed));
        return f;
    }

    @Override
    public StripeSettings normalised() {
        return new StripeSettings(strip(accountId), strip(accountName), backfillMonths == null ? 3 : backfillMonths, strip(apiEndpoint));
    }

    public StripeConfig config(ApiSecret secret) {
        return new StripeConfig(accountId, secret.secret(), apiEndpoint);
    }

    /** The label of the account's charges. */
    public String label() {
        return accountName == null ? accountId : accountName;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
