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
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation of a connection body, without HTTP: every fault names its field. */
class ConnectionInputTest {

    static final AwsS3Settings GOOD = new AwsS3Settings("acme-billing", "/cur/", "acme-focus", null, null, null, null);
    static final AwsCredentials KEYS = new AwsCredentials("AKIAEXAMPLE0001", "very-secret");

    static List<String> fields(ConnectionInput in, boolean creating, boolean endpoints) {
        return in.faults(creating, endpoints).stream().map(Problem.Fault::field).toList();
    }

    @Test
    void aCompleteBodyIsValidAndNormalised() {
        assertEquals(List.of(), fields(new ConnectionInput("acme-cur", "aws-s3", null, GOOD, KEYS), true, false));
        AwsS3Settings n = GOOD.normalised();
        assertEquals("cur", n.prefix());
        assertEquals("us-east-1", n.region());
        assertEquals(false, n.pathStyle());
    }

    @Test
    void everyBadFieldIsNamed() {
        AwsS3Settings bad = new AwsS3Settings("Bad_Bucket", "../x", "a/b", "mars-1", "ftp://x", true, null);
        List<String> f = fields(new ConnectionInput("Bad Name", "gcs", null, bad, new AwsCredentials("!", "")), true, true);
        assertEquals(List.of("name", "kind", "config.bucket", "config.exportName", "config.prefix", "config.region", "config.endpoint",
                "credentials.accessKeyId", "credentials.secretAccessKey"), f);
    }

    @Test
    void credentialsAreRequiredOnCreateOnly() {
        assertEquals(List.of("credentials"), fields(new ConnectionInput("acme-cur", "aws-s3", null, GOOD, null), true, false));
        assertEquals(List.of(), fields(new ConnectionInput("acme-cur", "aws-s3", null, GOOD, null), false, false));
    }

    @Test
    void customEndpointsNeedTheInstallationsConsent() {
        AwsS3Settings minio = new AwsS3Settings("acme-billing", "", "acme-focus", null, "http://127.0.0.1:9000", true, null);
        assertEquals(List.of("config.endpoint"), fields(new ConnectionInput("acme-cur", "aws-s3", null, minio, KEYS), true, false));
        assertEquals(List.of(), fields(new ConnectionInput("acme-cur", "aws-s3", null, minio, KEYS), true, true));
    }

    @Test
    void aManifestKeyTemplateMakesTheExportNameOptional() {
        AwsS3Settings template = new AwsS3Settings("acme-billing", "", null, null, null, null, "exports/{billingPeriod}/manifest.json");
        assertEquals(List.of(), fields(new ConnectionInput("acme-cur", "aws-s3", null, template, KEYS), true, false));
        AwsS3Settings fixed = new AwsS3Settings("acme-billing", "", null, null, null, null, "exports/manifest.json");
        assertEquals(List.of("config.manifestKey", "config.exportName"), fields(new ConnectionInput("acme-cur", "aws-s3", null, fixed, KEYS), true, false));
        assertEquals(List.of("config.exportName"), fields(new ConnectionInput("acme-cur", "aws-s3", null,
                new AwsS3Settings("acme-billing", "", null, null, null, null, null), KEYS), true, false));
    }

    @Test
    void credentialsNeverPrintInClear() {
        assertFalse(KEYS.toString().contains("very-secret"));
        assertFalse(new ConnectionInput("acme-cur", "aws-s3", null, GOOD, KEYS).toString().contains("very-secret"));
        assertTrue(KEYS.toString().contains("***"));
    }

    @Test
    void anEmptyBodyNamesEveryRequiredField() {
        assertEquals(List.of("name", "kind", "config", "credentials"), fields(new ConnectionInput(null, null, null, null, null), true, false));
    }

    @Test
    void inventoryConnectionsNeedKeysOrARoleWithAnExternalId() {
        AwsInventorySettings role = new AwsInventorySettings("111122223333", List.of("eu-west-1"),
                "arn:aws:iam::111122223333:role/outlay-read", "ext-1", null, null);
        assertEquals(List.of(), fields(new ConnectionInput("acct", "aws-inventory", null, role, null), true, false));
        AwsInventorySettings noRole = new AwsInventorySettings("111122223333", List.of("eu-west-1"), null, null, null, null);
        assertEquals(List.of("credentials"), fields(new ConnectionInput("acct", "aws-inventory", null, noRole, null), true, false));
        assertEquals(List.of(), fields(new ConnectionInput("acct", "aws-inventory", null, noRole, null), false, false),
                "an update without credentials keeps the stored ones");
        assertEquals(List.of("credentials.accessKeyId"), fields(new ConnectionInput("acct", "aws-inventory", null, noRole,
                new AwsCredentials("lowercasekey0000", "s")), true, false));
        AwsInventorySettings bad = new AwsInventorySettings("111122223333", List.of("eu-west-1"),
                "arn:aws:iam::999999999999:role/r", null, "http://127.0.0.1:1", 14);
        assertEquals(List.of("config.roleArn", "config.endpoint", "credentials"),
                fields(new ConnectionInput("acct", "aws-inventory", null, bad, null), true, false));
        assertEquals(14, noRole.normalised().lookbackDays());
    }
}
