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
import java.util.Map;

/** The secret part of a connection, one record per kind; only ever stored sealed, never serialised back. */
public sealed interface ConnectionSecret permits AwsCredentials, AzureBlobCredentials, GcpCredentials, ApiSecret {

    /** Every problem of these credentials, with the field path under {@code credentials}. */
    List<Problem.Fault> faults();

    /** What the API shows in place of the secret: the field names, each masked. */
    Map<String, String> mask();
}
