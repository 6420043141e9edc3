/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.aws.inventory;

import dev.outlay.connectors.ConnectorConfig;
import dev.outlay.connectors.InvalidConfigException;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One AWS account to read inventory and utilization from.
 *
 * <p>Credentials are either static keys ({@code accessKeyId} + {@code secretAccessKey}, optionally a
 * {@code sessionToken}) or a role to assume ({@code roleArn}, usually with the {@code externalId} the account
 * owner set on the role's trust policy). With a role and no keys the role is assumed from the default credential
 * chain of the host; with a role and keys, from those keys. With neither, the default chain is used directly.
 *
 * @param accountId     the 12-digit account the items bill to (recorded on every item; a role ARN must name it)
 * @param regions       regions to read, at least one, no duplicates
 * @param endpoint      overrides every service endpoint (tests, VPC endpoints behind one proxy), or null
 * @param lookbackDays  utilization window in days ending at the last whole hour (14 unless given, at most 63:
 *                      CloudWatch keeps 1-hour datapoints for 455 days but 5-minute ones only 63)
 * @param maxAttempts   attempts per call including the first, for throttling and transient errors (5 unless given)
 */
public record AwsInventoryConfig(String accountId, List<String> regions, String accessKeyId, String secretAccessKey,
                                 String sessionToken, String roleArn, String externalId, String endpoint,
                                 int lookbackDays, int maxAttempts) implements ConnectorConfig {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    // IAM's own constraint on sts:ExternalId.
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ACCESS_KEY = Pattern.compile("[A-Z0-9]{16,128}");

    public AwsInventoryConfig {
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new InvalidConfigException("accountId", "a 12-digit AWS account id is required");
        }
        if (regions == null || regions.isEmpty()) {
            throw new InvalidConfigException("regions", "at least one region is required");
        }
        for (int i = 0; i < regions.size(); i++) {
            String r = regions.get(i);
            if (r == null || !REGION.matcher(r).matches()) {
                throw new InvalidConfigException("regions[" + i + "]", "not an AWS region code: " + r);
            }
            if (regions.indexOf(r) != i) {
                throw new InvalidConfigException("regions[" + i + "]", "region listed twice: " + r);
            }
        }
        regions = List.copyOf(regions);
        accessKeyId = blankToNull(accessKeyId);
        secretAccessKey = blankToNull(secretAccessKey);
        sessionToken = blankToNull(sessionToken);
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
        endpoint = blankToNull(endpoint);
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new InvalidConfigException(accessKeyId == null ? "accessKeyId" : "secretAccessKey",
                    "static credentials need both the access key id and the secret access key");
        }
        if (accessKeyId != null && !ACCESS_KEY.matcher(accessKeyId).matches()) {
            throw new InvalidConfigException("accessKeyId", "an access key id is 16 to 128 upper-case letters and digits");
        }
        if (sessionToken != null && accessKeyId == null) {
            throw new InvalidConfigException("sessionToken", "a session token needs the access key id and secret it belongs to");
        }
        if (roleArn != null) {
            var m = ROLE_ARN.matcher(roleArn);
            if (!m.matches()) {
                throw new InvalidConfigException("roleArn", "not an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
            }
            if (!m.group(1).equals(accountId)) {
                throw new InvalidConfigException("roleArn", "the role belongs to account " + m.group(1) + ", not " + accountId);
            }
        }
        if (externalId != null) {
            if (roleArn == null) throw new InvalidConfigException("externalId", "an external id is only used with a role ARN");
            if (!EXTERNAL_ID.matcher(externalId).matches()) {
                throw new InvalidConfigException("externalId", "2 to 1224 characters of letters, digits and +=,.@:/-");
            }
        }
        if (endpoint != null) {
            URI u;
            try {
                u = URI.create(endpoint);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("endpoint", "not a URI: " + endpoint);
            }
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new InvalidConfigException("endpoint", "an http(s) URL with a host is required");
            }
        }
        if (lookbackDays == 0) lookbackDays = 14;
        if (lookbackDays < 1 || lookbackDays > 63) {
            throw new InvalidConfigException("lookbackDays", "between 1 and 63 days");
        }
        if (maxAttempts == 0) maxAttempts = 5;
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new InvalidConfigException("maxAttempts", "between 1 and 20 attempts");
        }
    }

    /** Static keys, default window and retries. */
    public static AwsInventoryConfig withKeys(String accountId, List<String> regions, String accessKeyId,
                                              String secretAccessKey, String endpoint) {
        return new AwsInventoryConfig(accountId, regions, accessKeyId, secretAccessKey, null, null, null, endpoint, 0, 0);
    }

    /** A role to assume from the host's default credentials, default window and retries. */
    public static AwsInventoryConfig withRole(String accountId, List<String> regions, String roleArn, String externalId) {
        return new AwsInventoryConfig(accountId, regions, null, null, null, roleArn, externalId, null, 0, 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Never prints the secret or the session token (configs end up in logs and problem details). */
    @Override
    public String toString() {
        return "AwsInventoryConfig[accountId=" + accountId + ", regions=" + regions + ", accessKeyId=" + accessKeyId
                + ", roleArn=" + roleArn + ", endpoint=" + endpoint + ", lookbackDays=" + lookbackDays
                + ", maxAttempts=" + maxAttempts + "]";
    }
}
