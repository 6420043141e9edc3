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

import java.util.List;

/** The non-secret settings of a connection; one record per kind, stored as the row's settings JSON. */
public sealed interface ConnectionSettings permits AwsS3Settings, AwsInventorySettings, AzureBlobSettings, GcpBigQuerySettings,
        M365Settings, SalesforceSettings, StripeSettings, OpenCostSettings {

    /** Every problem of these settings, with the field path under {@code config}. */
    List<Problem.Fault> faults(boolean customEndpointsAllowed);

    /** As stored: blanks removed, defaults applied. */
    ConnectionSettings normalised();
}
