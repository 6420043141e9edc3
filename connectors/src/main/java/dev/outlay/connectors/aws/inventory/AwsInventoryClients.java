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

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SDK clients of one region for a config. All share one credentials provider (one AssumeRole session
 * per read) and one retry policy: the SDK's standard strategy, which retries throttling codes (Throttling,
 * RequestLimitExceeded, ThrottlingException...) and 5xx with exponential backoff and jitter.
 */
final class AwsInventoryClients implements AutoCloseable {

    /** Session name recorded in the account's CloudTrail for the AssumeRole call. */
    static final String ROLE_SESSION_NAME = "outlay-inventory";

    private final AwsInventoryConfig config;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> open = new ArrayList<>();

    AwsInventoryClients(AwsInventoryConfig config, Duration baseDelay, Duration maxDelay) {
        this.config = config;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.credentials = credentials();
    }

    RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(config.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                // The token bucket would stop retrying after a burst of throttles across one long read; the
                // attempt cap already bounds the cost, and a read that gives up half-way is worth nothing.
                .circuitBreakerEnabled(false)
                .build();
    }

    private AwsCredentialsProvider credentials() {
        AwsCredentialsProvider base;
        if (config.accessKeyId() != null) {
            base = StaticCredentialsProvider.create(config.sessionToken() == null
                    ? AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())
                    : AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), config.sessionToken()));
        } else {
            DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
            open.add(chain);
            base = chain;
        }
        if (config.roleArn() == null) return base;
        StsClient sts = configure(StsClient.builder(), config.regions().get(0), base).build();
        open.add(sts);
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(config.roleArn()).roleSessionName(ROLE_SESSION_NAME);
                    if (config.externalId() != null) r.externalId(config.externalId());
                })
                .build();
        open.add(role);
        return role;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, AwsCredentialsProvider creds) {
        builder.region(Region.of(region)).credentialsProvider(creds)
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
        if (config.endpoint() != null) builder.endpointOverride(URI.create(config.endpoint()));
        return builder;
    }

    Ec2Client ec2(String region) {
        return track(configure(Ec2Client.builder(), region, credentials).build());
    }

    ElasticLoadBalancingV2Client elbv2(String region) {
        return track(configure(ElasticLoadBalancingV2Client.builder(), region, credentials).build());
    }

    RdsClient rds(String region) {
        return track(configure(RdsClient.builder(), region, credentials).build());
    }

    CloudWatchClient cloudWatch(String region) {
        return track(configure(CloudWatchClient.builder(), region, credentials).build());
    }

    private <C extends AutoCloseable> C track(C client) {
        open.add(client);
        return client;
    }

    @Override
    public void close() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing releases connections only; nothing to report
            }
        }
        open.clear();
    }
}
