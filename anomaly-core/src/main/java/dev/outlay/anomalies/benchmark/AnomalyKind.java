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
package dev.outlay.anomalies.benchmark;

import dev.outlay.anomalies.Anomaly.Direction;

/** What the benchmark injects; mirrors the causes the anomaly-classification rule set can name. */
public enum AnomalyKind {
    USAGE_SPIKE(false, Direction.INCREASE),
    NEW_RESOURCES(true, Direction.INCREASE),
    PRICE_CHANGE(true, Direction.INCREASE),
    COMMITMENT_EXPIRY(true, Direction.INCREASE),
    CREDIT_ENDED(true, Direction.INCREASE),
    ONE_OFF_PURCHASE(false, Direction.INCREASE),
    DATA_GAP(false, Direction.DECREASE);

    private final boolean persistent;
    private final Direction direction;

    AnomalyKind(boolean persistent, Direction direction) {
        this.persistent = persistent;
        this.direction = direction;
    }

    /** A persistent change is a new normal: it should be caught early, then absorbed by the baseline. */
    public boolean persistent() {
        return persistent;
    }

    public Direction direction() {
        return direction;
    }

    public String label() {
        return name().toLowerCase();
    }
}
