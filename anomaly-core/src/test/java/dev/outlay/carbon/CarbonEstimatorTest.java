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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Known answers computed by hand from the Cloud Carbon Footprint formulas with the AWS coefficients of CCF commit
 * b7a049c7 (PUE 1.135; Skylake 0.65–4.26 W; SSD 1.2 / HDD 0.65 Wh per TB-hour; 0.001 kWh/GB; SERC 379.069 g/kWh).
 */
class CarbonEstimatorTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static FactorSet factors(String pue) {
        ProviderFactors aws = new ProviderFactors(d(pue), d("0.5"), new WattRange(d("0.74"), d("3.5")),
                Map.of("skylake", new WattRange(d("0.65"), d("4.26")), "cascade-lake+skylake", new WattRange(d("0.645"), d("4.115"))),
                d("1.2"), d("0.65"), d("0.001"), d("0.000392"), d("1.75"),
                Map.of("us-east-1", d("379.069"), "eu-west-1", d("278.6")), d("392.78188"),
                Map.of("s3", d("6"), "ebs-volume", d("2"), "rds-multi-az", d("2"), "default", d("1")),
                Map.of("m5.large", new InstanceShape(2, "skylake"), "db.r5.large", new InstanceShape(2, "cascade-lake+skylake")));
        return FactorSetCheck.check(new FactorSet("test", "hand-made from CCF b7a049c7", LocalDate.parse("2024-03-25"),
                LocalDate.parse("2026-12-03"), "test subset", Map.of("aws", aws)));
    }

    static UsageLine aws(String region, String service, String usageType, String unit, String qty, YearMonth month, String util,
                         String cost, List<String> group) {
        return new UsageLine("AWS", service, region, usageType, null, null, unit, d(qty), month, util == null ? null : d(util),
                "USD", d(cost), 1, group);
    }

    static final YearMonth NOV = YearMonth.of(2024, 11);
    static final YearMonth OCT = YearMonth.of(2024, 10);

    static List<UsageLine> lines() {
        List<String> east = List.of("us-east-1");
        return List.of(
                // m5.large 730 h at the default 50 %: 2 vCPU × 730 h = 1460 vCPU-h; W = 0.65 + 0.5 × 3.61 = 2.455;
                // 1460 × 2.455 / 1000 = 3.5843 kWh × 1.135 = 4.0681805 kWh; × 379.069 / 1000 = 1.54212111 kg
                aws("us-east-1", "Amazon Elastic Compute Cloud", "USE1-BoxUsage:m5.large", "Hrs", "730", NOV, null, "70.08", east),
                // measured 10 %: 20 vCPU-h × (0.65 + 0.1 × 3.61 = 1.011 W) / 1000 × 1.135 = 0.0229497 kWh
                aws("us-east-1", "Amazon Elastic Compute Cloud", "BoxUsage:m5.large", "Hrs", "10", NOV, "0.1", "0.96", east),
                // gp2 20 GB-month in November (720 h), EBS kept twice: 20 × 720 × 2 / 1000 = 28.8 TB-h × 1.2 Wh / 1000
                // = 0.03456 kWh × 1.135 = 0.0392256 kWh
                aws("us-east-1", "Amazon Elastic Compute Cloud", "EBS:VolumeUsage.gp2", "GB-Mo", "20", NOV, null, "2.00", east),
                // Multi-AZ db.r5.large 24 h: 24 × 2 vCPU × 2 instances = 96 vCPU-h; W = 0.645 + 0.5 × 3.47 = 2.38;
                // 96 × 2.38 / 1000 = 0.22848 × 1.135 = 0.2593248 kWh
                aws("us-east-1", "Amazon Relational Database Service", "Multi-AZUsage:db.r5.large", "Hrs", "24", NOV, null, "12.00", east),
                // S3 90 GB-month in October (744 h), kept 6 times: 401.76 TB-h × 0.65 / 1000 = 0.261144 × 1.135 = 0.29639844 kWh
                aws("us-east-1", "Amazon Simple Storage Service", "TimedStorage-ByteHrs", "GB-Mo", "90", OCT, null, "2.07", east),
                // inter-AZ transfer in eu-west-1: 100 GB × 0.001 × 1.135 = 0.1135 kWh × 278.6 / 1000 = 0.0316211 kg
                aws("eu-west-1", "Amazon Elastic Compute Cloud", "EU-DataTransfer-Regional-Bytes", "GB", "100", NOV, null, "1.00",
                        List.of("eu-west-1")),
                // Lambda 6300 GB-s = 6300 / (3600 × 1.75) = 1 vCPU-h at the unknown-architecture 0.74 + 0.5 × 2.76 = 2.12 W:
                // 0.00212 × 1.135 = 0.0024062 kWh; no region: 392.78188 g/kWh → 0.000945111759656 kg
                aws(null, "AWS Lambda", "Lambda-GB-Second", "Lambda-GB-Second", "6300", NOV, null, "0.105", Collections.singletonList(null)),
                // not estimated: internet egress, an instance type the set does not list, idle IPv4 hours, a SaaS invoice
                aws("us-east-1", "Amazon CloudFront", "US-DataTransfer-Out-Bytes", "GB", "50", NOV, null, "4.25", east),
                aws("us-east-1", "Amazon Elastic Compute Cloud", "BoxUsage:x9.huge", "Hrs", "5", NOV, null, "9.00", east),
                aws("us-east-1", "Amazon Virtual Private Cloud", "PublicIPv4:IdleAddress", "Hrs", "24", NOV, null, "0.12", east),
                new UsageLine("SaaS vendors", "CRM Cloud", null, null, null, null, null, null, NOV, null, "USD", d("1200.00"), 3, east));
    }

    @Test
    void knownAnswers() {
        CarbonEstimate e = CarbonEstimator.estimate(factors("1.135"), lines());
        assertEquals(3, e.groups().size());
        CarbonGroup none = e.groups().get(0); // the null region sorts first
        // Lambda: 0.0024062 kWh, 0.000945111759656 kg → 0.000945
        assertEquals(d("0.002406"), none.computeKwh());
        assertEquals(d("0.000945"), none.kgCo2e());
        assertEquals(1, none.regionDefaultedRows());
        CarbonGroup west = e.groups().get(1);
        assertEquals(List.of("eu-west-1"), west.group());
        assertEquals(d("0.113500"), west.networkKwh());
        assertEquals(d("0.031621"), west.kgCo2e());
        CarbonGroup east = e.groups().get(2);
        // compute 4.0681805 + 0.0229497 + 0.2593248 = 4.350455; storage 0.0392256 + 0.29639844 = 0.33562404
        assertEquals(d("4.350455"), east.computeKwh());
        assertEquals(d("0.335624"), east.storageKwh());
        assertEquals(d("4.686079"), east.kwh());
        // 4.68607854 × 379.069 / 1000 = 1.776347...
        assertEquals(d("1.776347"), east.kgCo2e());
        assertEquals(5, east.estimatedRows());
        assertEquals(2, east.utilizationDefaultedRows(), "of three compute rows, the measured m5.large is not defaulted; storage never is");
        // unestimated, each with its cost: egress, unknown type, IPv4 hours, the SaaS invoice (3 rows)
        List<UnestimatedUsage> un = e.unestimated();
        assertEquals(4, un.size());
        assertEquals(Unestimated.PROVIDER_NOT_COVERED, un.get(0).reason());
        assertEquals(3, un.get(0).rows());
        assertEquals(d("1200.00"), un.get(0).cost());
        assertEquals(Unestimated.INSTANCE_TYPE_UNKNOWN, un.get(1).reason());
        assertEquals(d("9.00"), un.get(1).cost());
        assertEquals(Unestimated.TRANSFER_OUTSIDE_PROVIDER_NETWORK, un.get(2).reason());
        assertEquals(Unestimated.UNCLASSIFIED, un.get(3).reason());
        assertEquals(6, e.unestimatedRows());
        assertEquals(7, e.estimatedRows());
        // totals are the rounded sum of the exact group figures: 0.0024062 + 0.1135 + 4.68607854 = 4.80198474
        assertEquals(d("4.801985"), e.totalKwh());
        assertEquals(CarbonEstimator.METHOD_VERSION, e.methodVersion());
    }

    @Test
    void sameInputsInAnyOrderGiveTheSameEstimate() {
        CarbonEstimate reference = CarbonEstimator.estimate(factors("1.135"), lines());
        for (long seed = 1; seed <= 5; seed++) {
            List<UsageLine> shuffled = new ArrayList<>(lines());
            Collections.shuffle(shuffled, new Random(seed));
            assertEquals(reference, CarbonEstimator.estimate(factors("1.135"), shuffled));
        }
    }

    @Test
    void anOlderFactorSetReproducesItsOlderFigure() {
        CarbonEstimate older = CarbonEstimator.estimate(factors("1.2"), lines());
        CarbonEstimate newer = CarbonEstimator.estimate(factors("1.135"), lines());
        assertNotEquals(older.totalKwh(), newer.totalKwh());
        // eu-west-1: 100 GB × 0.001 × 1.2 = 0.12 kWh under the older PUE
        assertEquals(d("0.120000"), older.groups().get(1).networkKwh());
        assertEquals(older, CarbonEstimator.estimate(factors("1.2"), lines()));
    }

    @Test
    void invalidFactorSetsNameTheirFields() {
        ProviderFactors bad = new ProviderFactors(d("0.9"), d("1.5"), new WattRange(d("3"), d("1")), Map.of(), d("1.2"), d("-1"),
                d("0.001"), d("0.000392"), null, Map.of("US-EAST-1", d("1")), d("1"), Map.of("s3", d("0")),
                Map.of("m5.large", new InstanceShape(2, "nope")));
        InvalidFactorSetException x = assertThrows(InvalidFactorSetException.class, () -> FactorSetCheck.check(
                new FactorSet("", "s", LocalDate.parse("2024-03-25"), LocalDate.parse("2024-01-01"), null, Map.of("aws", bad))));
        List<String> fields = x.faults().stream().map(InvalidFactorSetException.Fault::field).toList();
        assertTrue(fields.containsAll(List.of("name", "retrievedOn", "providers.aws.pue", "providers.aws.defaultUtilization",
                "providers.aws.unknownArchitecture", "providers.aws.hddWhPerTbHour", "providers.aws.gridGramsPerKwh.US-EAST-1",
                "providers.aws.replication.s3", "providers.aws.instanceTypes.m5.large.architecture")), fields.toString());
    }
}
