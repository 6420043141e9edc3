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
import java.util.Map;

/**
 * One provider's coefficients.
 *
 * @param pue                   power usage effectiveness of the provider's data centres
 * @param defaultUtilization    average vCPU utilization (0..1) where no measurement is given
 * @param unknownArchitecture   watts per vCPU when the instance's microarchitecture is not known
 * @param architectures         watts per vCPU by microarchitecture
 * @param ssdWhPerTbHour        watt-hours per terabyte-hour on SSD
 * @param hddWhPerTbHour        watt-hours per terabyte-hour on HDD
 * @param networkKwhPerGb       kWh per gigabyte moved between data centres
 * @param memoryKwhPerGbHour    kWh per gigabyte-hour of memory
 * @param lambdaGbPerVcpu       function memory that counts as one vCPU (null where the provider has no such rule)
 * @param gridGramsPerKwh       grid intensity by region id, gCO2e per kWh
 * @param unknownRegionGramsPerKwh grid intensity where the row names no region or one the set does not list
 * @param replication           copies kept by storage class (see {@link UsageClassifier} for the class names)
 * @param instanceTypes         vCPUs and microarchitecture (and GPUs) by instance type (lower case)
 * @param gpuModels             watts per GPU at idle and at full load by GPU model (empty: the set counts no GPUs)
 */
public record ProviderFactors(BigDecimal pue, BigDecimal defaultUtilization, WattRange unknownArchitecture,
                              Map<String, WattRange> architectures, BigDecimal ssdWhPerTbHour, BigDecimal hddWhPerTbHour,
                              BigDecimal networkKwhPerGb, BigDecimal memoryKwhPerGbHour, BigDecimal lambdaGbPerVcpu,
                              Map<String, BigDecimal> gridGramsPerKwh, BigDecimal unknownRegionGramsPerKwh,
                              Map<String, BigDecimal> replication, Map<String, InstanceShape> instanceTypes,
                              Map<String, WattRange> gpuModels) {

    public ProviderFactors {
        architectures = architectures == null ? Map.of() : Map.copyOf(architectures);
        gridGramsPerKwh = gridGramsPerKwh == null ? Map.of() : Map.copyOf(gridGramsPerKwh);
        replication = replication == null ? Map.of() : Map.copyOf(replication);
        instanceTypes = instanceTypes == null ? Map.of() : Map.copyOf(instanceTypes);
        gpuModels = gpuModels == null ? Map.of() : Map.copyOf(gpuModels);
    }

    /** A provider without GPU coefficients (every set before method 2). */
    public ProviderFactors(BigDecimal pue, BigDecimal defaultUtilization, WattRange unknownArchitecture,
                           Map<String, WattRange> architectures, BigDecimal ssdWhPerTbHour, BigDecimal hddWhPerTbHour,
                           BigDecimal networkKwhPerGb, BigDecimal memoryKwhPerGbHour, BigDecimal lambdaGbPerVcpu,
                           Map<String, BigDecimal> gridGramsPerKwh, BigDecimal unknownRegionGramsPerKwh,
                           Map<String, BigDecimal> replication, Map<String, InstanceShape> instanceTypes) {
        this(pue, defaultUtilization, unknownArchitecture, architectures, ssdWhPerTbHour, hddWhPerTbHour, networkKwhPerGb,
                memoryKwhPerGbHour, lambdaGbPerVcpu, gridGramsPerKwh, unknownRegionGramsPerKwh, replication, instanceTypes, null);
    }

    /** Copies kept for a storage class; 1 when the set does not name the class. */
    BigDecimal copies(String storageClass) {
        BigDecimal v = storageClass == null ? null : replication.get(storageClass);
        return v != null ? v : replication.getOrDefault("default", BigDecimal.ONE);
    }
}
