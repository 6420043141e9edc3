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

/**
 * AWS refused the connection's credentials (expired session token, unknown or deactivated key, bad signature,
 * a role that cannot be assumed). Nothing from the read is returned; the caller marks the connection unhealthy.
 * Permission gaps on one API (AccessDenied, UnauthorizedOperation) are not this: they are a
 * {@link ServiceOutcome.Status#DENIED} outcome of that service.
 */
public class AwsCredentialsRejectedException extends RuntimeException {

    private final String service;
    private final String accountId;
    private final String region;
    private final String errorCode;

    public AwsCredentialsRejectedException(String service, String accountId, String region, String errorCode,
                                           String awsMessage, Throwable cause) {
        super("AWS rejected the credentials of account " + accountId + " calling " + service + " in " + region
                + " (" + errorCode + "): " + awsMessage, cause);
        this.service = service;
        this.accountId = accountId;
        this.region = region;
        this.errorCode = errorCode;
    }

    /** e.g. {@code ec2:DescribeInstances}, {@code cloudwatch:GetMetricData}, {@code sts:AssumeRole}. */
    public String service() {
        return service;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** AWS's error code: ExpiredToken, AuthFailure, UnrecognizedClientException, InvalidClientTokenId... */
    public String errorCode() {
        return errorCode;
    }
}
