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
 * A read failed for a reason other than credentials: retries exhausted on throttling or 5xx, the endpoint
 * unreachable, a response the SDK could not parse, a metric query AWS answered with InternalError. Nothing from the
 * read is returned.
 */
public class AwsInventoryReadException extends RuntimeException {

    private final String service;
    private final String accountId;
    private final String region;

    public AwsInventoryReadException(String service, String accountId, String region, String message, Throwable cause) {
        super("Reading " + service + " of account " + accountId + " in " + region + " failed: " + message, cause);
        this.service = service;
        this.accountId = accountId;
        this.region = region;
    }

    public String service() {
        return service;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }
}
