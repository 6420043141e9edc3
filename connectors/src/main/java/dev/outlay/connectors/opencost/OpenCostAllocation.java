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
package dev.outlay.connectors.opencost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One OpenCost allocation of one UTC day, aggregated by namespace and controller: who ({@code namespace},
 * {@code controllerKind}/{@code controller}, {@code labels}) and the cost of each resource as OpenCost computed it,
 * in the currency OpenCost is configured with. {@code name} is OpenCost's key: {@code namespace/controller}, or
 * {@code __idle__} (capacity no workload used) and {@code __unallocated__} parts where it cannot tell.
 */
public record OpenCostAllocation(LocalDate day, String name, String namespace, String controllerKind, String controller,
                                 Map<String, String> labels, Map<String, BigDecimal> costs) {

    /** The cost fields read, in the order rows are written; their FOCUS SkuId is the name without "Cost". */
    public static final java.util.List<String> COSTS = java.util.List.of("cpuCost", "gpuCost", "ramCost", "pvCost", "networkCost",
            "loadBalancerCost", "sharedCost", "externalCost");

    public OpenCostAllocation {
        labels = Map.copyOf(labels);
        costs = Map.copyOf(costs);
    }
}
