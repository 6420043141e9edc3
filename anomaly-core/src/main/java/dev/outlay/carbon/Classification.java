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
package dev.outlay.carbon;

import java.math.BigDecimal;

/**
 * What a usage line measures: a kind with its quantity in the kind's canonical unit, or the reason it cannot be
 * estimated. For compute, {@code wattRange} and {@code utilization} give the average watts per vCPU; an accelerated
 * instance adds {@code gpuHours} (hours × GPUs) at {@code gpuWatts} per GPU and {@code gpuUtilization}.
 */
public record Classification(UsageKind kind, BigDecimal quantity, WattRange wattRange, BigDecimal utilization,
                             boolean utilizationDefaulted, Unestimated reason, BigDecimal gpuHours, WattRange gpuWatts,
                             BigDecimal gpuUtilization) {

    Classification(UsageKind kind, BigDecimal quantity, WattRange wattRange, BigDecimal utilization,
                   boolean utilizationDefaulted, Unestimated reason) {
        this(kind, quantity, wattRange, utilization, utilizationDefaulted, reason, null, null, null);
    }

    static Classification of(UsageKind kind, BigDecimal quantity) {
        return new Classification(kind, quantity, null, null, false, null);
    }

    static Classification unestimated(Unestimated reason) {
        return new Classification(null, null, null, null, false, reason);
    }

    Classification withGpus(BigDecimal hours, WattRange watts, BigDecimal gpuUtilization) {
        return new Classification(kind, quantity, wattRange, utilization, utilizationDefaulted, reason, hours, watts, gpuUtilization);
    }

    /** The instance's GPUs are counted (the type has GPUs and the set has their model's watts). */
    public boolean hasGpus() {
        return gpuHours != null;
    }

    public boolean estimated() {
        return reason == null;
    }
}
