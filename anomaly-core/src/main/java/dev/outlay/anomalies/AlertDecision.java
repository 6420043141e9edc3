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
package dev.outlay.anomalies;

/**
 * What suppression made of one anomaly. {@code alertId} is the alert it raised or joined (the id of the first
 * anomaly of the episode), null when snoozed.
 */
public record AlertDecision(String anomalyId, Outcome outcome, String alertId) {

    public enum Outcome {
        /** First anomaly of a new episode: notify. */
        NEW,
        /** Same series and cause as an open episode: attach, do not notify again. */
        ONGOING,
        /** Already decided in an earlier run (detection windows overlap): nothing to do. */
        DUPLICATE,
        /** Inside a manual snooze. */
        SNOOZED
    }
}
