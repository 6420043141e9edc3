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

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Billing signatures of the architecture and billing-only detectors, matched on the ledger's usage type and
 * operation (CUR {@code line_item_usage_type} / {@code line_item_operation}, FOCUS {@code x_UsageType} /
 * {@code x_Operation}). AWS prefixes usage types with a region code ({@code USE1-}, {@code EUC1-}), so every match
 * is "contains", case-insensitive.
 */
public final class UsageSignatures {

    private UsageSignatures() {
    }

    private static Predicate<LedgerDay> usage(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        return r -> r.usageType() != null && r.usageType().toLowerCase(Locale.ROOT).contains(p);
    }

    /** Idle public IPv4 hours: AWS bills an address with no running attachment as {@code PublicIPv4:IdleAddress}. */
    public static final Predicate<LedgerDay> IDLE_IP = usage("PublicIPv4:IdleAddress");
    public static final Predicate<LedgerDay> NAT_HOURS = usage("NatGateway-Hours");
    /** NAT data processing, billed per GB; shows under "EC2-Other" in Cost Explorer. */
    public static final Predicate<LedgerDay> NAT_BYTES = usage("NatGateway-Bytes");
    /** Cross-AZ transfer: {@code DataTransfer-Regional-Bytes} or operations {@code InterZone-In/Out}. */
    public static final Predicate<LedgerDay> INTER_AZ = usage("DataTransfer-Regional-Bytes")
            .or(r -> r.operation() != null && r.operation().toLowerCase(Locale.ROOT).startsWith("interzone"));
    /** RDS Multi-AZ instance and storage rows ({@code Multi-AZUsage:db.*}, {@code RDS:Multi-AZ-GP2-Storage}). */
    public static final Predicate<LedgerDay> MULTI_AZ = usage("Multi-AZ");
    public static final Predicate<LedgerDay> GP2 = usage("VolumeUsage.gp2");
    /** Load balancer traffic units (ALB/NLB LCUs, Classic LB data processed): billed only when traffic flows. */
    public static final Predicate<LedgerDay> LB_TRAFFIC = usage("LCUUsage").or(usage("DataProcessing-Bytes"))
            .or(usage("LoadBalancer-Bytes"));
    public static final Predicate<LedgerDay> ANY = r -> true;
}
