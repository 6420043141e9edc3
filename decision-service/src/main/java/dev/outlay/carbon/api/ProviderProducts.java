/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import java.util.Locale;
import java.util.Map;

/**
 * The ledger's service name for a provider export's product code. AWS's carbon export names products by their
 * billing product code ({@code AmazonEC2}); the ledger keeps the CUR's product name ({@code Amazon Elastic Compute
 * Cloud}). AWS's own column description spells the example as a name ("Amazon EC2"), so both spellings are keys.
 * An unknown code is compared under its own text: it shows as provider-only, never silently merged.
 */
final class ProviderProducts {

    private static final Map<String, String> AWS = Map.ofEntries(
            Map.entry("amazonec2", "Amazon Elastic Compute Cloud"),
            Map.entry("ec2", "Amazon Elastic Compute Cloud"),
            Map.entry("amazons3", "Amazon Simple Storage Service"),
            Map.entry("s3", "Amazon Simple Storage Service"),
            Map.entry("amazonrds", "Amazon Relational Database Service"),
            Map.entry("rds", "Amazon Relational Database Service"),
            Map.entry("awslambda", "AWS Lambda"),
            Map.entry("lambda", "AWS Lambda"),
            Map.entry("amazondynamodb", "Amazon DynamoDB"),
            Map.entry("dynamodb", "Amazon DynamoDB"),
            Map.entry("amazoncloudfront", "Amazon CloudFront"),
            Map.entry("cloudfront", "Amazon CloudFront"),
            Map.entry("amazonefs", "Amazon Elastic File System"),
            Map.entry("amazoneks", "Amazon Elastic Container Service for Kubernetes"),
            Map.entry("amazonecs", "Amazon Elastic Container Service"),
            Map.entry("awsfargate", "AWS Fargate"),
            Map.entry("amazonelasticache", "Amazon ElastiCache"),
            Map.entry("amazonredshift", "Amazon Redshift"),
            Map.entry("amazonvpc", "Amazon Virtual Private Cloud"),
            Map.entry("awselb", "Elastic Load Balancing"));

    private ProviderProducts() {
    }

    /** The ledger's service name, or the code itself when unknown; "(unattributed)" for rows without a product. */
    static String serviceName(String provider, String code) {
        if (code == null) return "(unattributed)";
        String key = code.toLowerCase(Locale.ROOT).replace(" ", "");
        if ("aws".equals(provider)) {
            String name = AWS.get(key);
            if (name == null && key.startsWith("amazon")) name = AWS.get(key.substring("amazon".length()));
            if (name != null) return name;
        }
        return code;
    }
}
