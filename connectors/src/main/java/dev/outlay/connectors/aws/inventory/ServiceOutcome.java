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

import java.util.Objects;

/**
 * What one listing of one region returned, so a missing service is visible rather than read as "no resources".
 *
 * @param service  {@code ec2:instances}, {@code ec2:volumes}, {@code ec2:addresses}, {@code ec2:snapshots},
 *                 {@code ec2:nat-gateways}, {@code elbv2:load-balancers}, {@code rds:db-instances},
 *                 {@code cloudwatch:metrics}
 * @param count    items (or, for cloudwatch, samples) read; 0 when denied
 * @param calls    API calls that answered (pages; retries not counted)
 * @param detail   AWS's error code and message when denied, else null
 */
public record ServiceOutcome(String service, String region, Status status, int count, int calls, String detail) {

    public enum Status {
        /** Listed completely. */
        READ,
        /** The credentials are valid but lack permission for this API; its items are unknown, not absent. */
        DENIED
    }

    public ServiceOutcome {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(status, "status");
    }
}
