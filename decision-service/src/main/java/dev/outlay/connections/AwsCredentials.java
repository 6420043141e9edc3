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

import java.util.ArrayList;
import java.util.List;

/** An AWS access key pair as posted by a client. Only ever stored sealed; never serialised back. */
public record AwsCredentials(String accessKeyId, String secretAccessKey) implements ConnectionSecret {

    @Override
    public java.util.Map<String, String> mask() {
        return Connection.MASK;
    }

    @Override
    public List<Problem.Fault> faults() {
        List<Problem.Fault> f = new ArrayList<>();
        if (accessKeyId == null || !accessKeyId.matches("[A-Za-z0-9]{4,128}")) f.add(Problem.Fault.at("credentials.accessKeyId", "an access key id (letters and digits)"));
        if (secretAccessKey == null || secretAccessKey.isBlank() || secretAccessKey.length() > 256) {
            f.add(Problem.Fault.at("credentials.secretAccessKey", "the secret access key is required"));
        }
        return f;
    }

    /** Records print their components; this one must never reach a log line in clear. */
    @Override
    public String toString() {
        return "AwsCredentials[***]";
    }
}
