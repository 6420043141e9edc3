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
package dev.outlay.connectors.m365;

import dev.outlay.connectors.saas.SeatSubscription;

import java.time.Instant;
import java.util.List;

/**
 * The seats of a Microsoft 365 tenant as Graph reports them at {@code asOf}. {@code activityKnown} is false when the
 * tenant has no Entra ID P1 (Graph then refuses {@code signInActivity}): seats are still charged, but active counts
 * are unknown and no unused-seat judgement is made.
 */
public record M365Snapshot(String tenantId, Instant asOf, List<SeatSubscription> subscriptions, int users, boolean activityKnown) {
}
