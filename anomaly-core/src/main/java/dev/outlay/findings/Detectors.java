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
package dev.outlay.findings;

import java.util.List;
import java.util.Set;

/**
 * Detector names the bundled rule sets emit, which rule set owns each, and the window a detector judges over (the
 * window goes into the finding id: a metric detector looks at 14 days, a billing detector at 30).
 */
public final class Detectors {

    public static final String WASTE_RULE_SET = "waste-rightsizing";
    public static final String ARCH_RULE_SET = "architectural-inefficiency";
    public static final String PROFILE_RULE_SET = "finding-profiles";

    public static final String COMPUTE_IDLE = "waste.compute.idle";
    public static final String COMPUTE_OVERPROVISIONED = "waste.compute.overprovisioned";
    public static final String EBS_UNATTACHED = "waste.ebs.unattached";
    public static final String EIP_IDLE = "waste.eip.idle";
    public static final String SNAPSHOT_ORPHAN = "waste.snapshot.orphan";
    public static final String LB_IDLE = "waste.lb.idle";
    public static final String STOPPED_STORAGE = "waste.instance.stopped-storage";
    public static final String SAAS_UNUSED_SEATS = "waste.saas.unused-seats";
    public static final String RDS_MULTIAZ_NONPROD = "arch.rds.multiaz-nonprod";
    public static final String MULTIZONE_NONPROD = "arch.compute.multizone-nonprod";
    public static final String NET_INTERAZ = "arch.net.interaz";
    public static final String NET_NAT_HEAVY = "arch.net.nat-heavy";
    public static final String EBS_GP2 = "arch.ebs.gp2";
    public static final String COMPUTE_PREVGEN = "arch.compute.prevgen";
    public static final String NONPROD_ALWAYS_ON = "arch.nonprod.always-on";
    public static final String NONPROD_PROD_SHAPED = "arch.nonprod.prod-shaped";

    public static final List<String> WASTE = List.of(COMPUTE_IDLE, COMPUTE_OVERPROVISIONED, EBS_UNATTACHED, EIP_IDLE,
            SNAPSHOT_ORPHAN, LB_IDLE, STOPPED_STORAGE, SAAS_UNUSED_SEATS);
    public static final List<String> ARCH = List.of(RDS_MULTIAZ_NONPROD, MULTIZONE_NONPROD, NET_INTERAZ, NET_NAT_HEAVY,
            EBS_GP2, COMPUTE_PREVGEN, NONPROD_ALWAYS_ON, NONPROD_PROD_SHAPED);

    /** Detectors judged on the 14-day utilization window; all others on the 30-day billing window. */
    private static final Set<String> METRIC_WINDOW = Set.of(COMPUTE_IDLE, COMPUTE_OVERPROVISIONED, LB_IDLE);

    private Detectors() {
    }

    public static int windowDays(String detector) {
        return METRIC_WINDOW.contains(detector) ? FindingFacts.METRIC_WINDOW_DAYS : FindingFacts.BILLING_WINDOW_DAYS;
    }

    public static String ruleSetOf(String detector) {
        if (WASTE.contains(detector)) return WASTE_RULE_SET;
        if (ARCH.contains(detector)) return ARCH_RULE_SET;
        throw new IllegalArgumentException("unknown detector " + detector);
    }
}
