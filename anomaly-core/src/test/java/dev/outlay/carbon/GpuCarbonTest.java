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

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Method 2: an accelerated instance's GPUs beside its vCPUs (CCF's GPU watts), and sets without GPUs unchanged. */
class GpuCarbonTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static ProviderFactors aws(Map<String, InstanceShape> types, Map<String, WattRange> gpus) {
        return new ProviderFactors(d("1.135"), d("0.5"), new WattRange(d("0.74"), d("3.5")),
                Map.of("broadwell", new WattRange(d("0.71"), d("3.69")), "cascade-lake", new WattRange(d("0.64"), d("3.97"))),
                d("1.2"), d("0.65"), d("0.001"), d("0.000392"), d("1.75"), Map.of("us-east-1", d("379.069")), d("392.78188"),
                Map.of("default", d("1")), types, gpus);
    }

    static FactorSet set(ProviderFactors aws) {
        return FactorSetCheck.check(new FactorSet("gpu-test", "hand-made from CCF's GPU constants", LocalDate.parse("2024-03-25"),
                LocalDate.parse("2026-12-04"), "test subset", Map.of("aws", aws)));
    }

    static final Map<String, WattRange> GPUS = Map.of("nvidia-v100", new WattRange(d("35"), d("306")),
            "nvidia-t4", new WattRange(d("8"), d("71")));
    static final Map<String, InstanceShape> TYPES = Map.of(
            "p3.2xlarge", new InstanceShape(8, "broadwell", 1, "nvidia-v100"),
            "g4dn.xlarge", new InstanceShape(4, "cascade-lake", 1, "nvidia-t4"));

    static UsageLine hours(String usageType, String qty, String utilization) {
        return new UsageLine("AWS", "Amazon Elastic Compute Cloud", "us-east-1", usageType, null, null, "Hrs", d(qty),
                YearMonth.of(2024, 11), utilization == null ? null : d(utilization), "USD", d("10.00"), 1, List.of("ml"));
    }

    @Test
    void gpusAreCountedBesideTheVcpus() {
        CarbonEstimate e = CarbonEstimator.estimate(set(aws(TYPES, GPUS)), List.of(
                // p3.2xlarge 10 h: CPU 80 vCPU-h × (0.71 + 0.5 × 2.98 = 2.2 W) / 1000 × 1.135 = 0.19976 kWh;
                //                  GPU 10 GPU-h × (35 + 0.5 × 271 = 170.5 W) / 1000 × 1.135 = 1.935175 kWh
                hours("USE1-BoxUsage:p3.2xlarge", "10", null),
                // g4dn.xlarge 100 h measured at 90 % CPU: the CPU uses it (0.64 + 0.9 × 3.33 = 3.637 W × 400 vCPU-h
                // / 1000 × 1.135 = 1.6512 kWh (1.651198)); the GPU has no metric, so CCF's average 50 %:
                // 100 GPU-h × (8 + 0.5 × 63 = 39.5 W) / 1000 × 1.135 = 4.48325 kWh
                hours("USE1-BoxUsage:g4dn.xlarge", "100", "0.9")));
        CarbonGroup ml = e.groups().get(0);
        assertEquals(0, d("1.850958").compareTo(ml.computeKwh()), ml.toString());
        assertEquals(0, d("6.418425").compareTo(ml.gpuKwh()), ml.toString());
        assertEquals(0, d("8.269383").compareTo(ml.kwh()), ml.toString());
        // 8.269383 kWh × 379.069 g / 1000 = 3.1346667… (exact lines, rounded once)
        assertEquals(0, d("3.134667").compareTo(ml.kgCo2e()), ml.toString());
        assertEquals("ccf-outlay-2", e.methodVersion());
    }

    @Test
    void aSetWithoutGpuFactorsGivesMethodOnesFigures() {
        // The same instance types without GPUs (how every set before method 2 reads): the CPU part only, unchanged.
        Map<String, InstanceShape> cpuOnly = Map.of("p3.2xlarge", new InstanceShape(8, "broadwell"));
        CarbonEstimate e = CarbonEstimator.estimate(set(aws(cpuOnly, null)), List.of(hours("USE1-BoxUsage:p3.2xlarge", "10", null)));
        CarbonGroup g = e.groups().get(0);
        assertEquals(0, d("0.199760").compareTo(g.computeKwh()));
        assertEquals(0, BigDecimal.ZERO.compareTo(g.gpuKwh()));
        assertEquals(0, d("0.199760").compareTo(g.kwh()));
    }

    @Test
    void gpuFactorsAreValidated() {
        InvalidFactorSetException e = assertThrows(InvalidFactorSetException.class, () -> set(aws(Map.of(
                "p3.2xlarge", new InstanceShape(8, "broadwell", 1, "nvidia-h200"),
                "g4dn.xlarge", new InstanceShape(4, "cascade-lake", 2, null),
                "x.gpu", new InstanceShape(4, "cascade-lake", 0, "nvidia-t4")),
                Map.of("nvidia-t4", new WattRange(d("71"), d("8"))))));
        List<String> fields = e.faults().stream().map(InvalidFactorSetException.Fault::field).toList();
        assertTrue(fields.contains("providers.aws.instanceTypes.p3.2xlarge.gpuModel"), fields.toString());
        assertTrue(fields.contains("providers.aws.instanceTypes.g4dn.xlarge.gpuModel"), fields.toString());
        assertTrue(fields.contains("providers.aws.instanceTypes.x.gpu.gpus"), fields.toString());
        assertTrue(fields.contains("providers.aws.gpuModels.nvidia-t4"), fields.toString());
    }
}
