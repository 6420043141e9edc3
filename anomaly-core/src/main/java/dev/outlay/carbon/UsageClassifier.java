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
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Classifies a usage line into a {@link UsageKind} and its canonical quantity, following the Cloud Carbon Footprint
 * classification: instance hours by instance type (vCPUs), storage by medium with the provider's replication,
 * networking only for transfer between the provider's data centres, memory billed per GB-hour. The rules are code
 * (their version is {@link CarbonEstimator#METHOD_VERSION}); the numbers come from the factor set.
 *
 * <p>Storage classes (replication keys of the factor set): {@code s3}, {@code s3-one-zone}, {@code ebs-volume},
 * {@code ebs-snapshot}, {@code efs}, {@code rds-multi-az}, {@code rds-backup}, {@code azure-lrs}, {@code azure-zrs},
 * {@code azure-grs}, {@code azure-disks}, {@code default}.
 */
public final class UsageClassifier {

    /** Intermediate divisions (GB-seconds to vCPU-hours) keep this many decimals, HALF_EVEN. */
    static final int SCALE = 12;
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private UsageClassifier() {
    }

    /** The factor-set key of a ledger ProviderName, or null when the method does not cover it. */
    public static String providerKey(String providerName) {
        if (providerName == null) return null;
        String p = providerName.trim().toLowerCase(Locale.ROOT);
        if (p.equals("aws") || p.startsWith("amazon")) return "aws";
        if (p.equals("microsoft") || p.contains("azure")) return "azure";
        if (p.equals("gcp") || p.startsWith("google")) return "gcp";
        return null;
    }

    public static Classification classify(UsageLine line, ProviderFactors f) {
        String unit = unit(line.unit());
        BigDecimal qty = line.quantity();
        if (unit == null || qty == null) return Classification.unestimated(Unestimated.UNCLASSIFIED);
        String usage = lower(line.usageType());
        String service = lower(line.service());
        String text = usage + " " + lower(line.skuId()) + " " + lower(line.resourceType()) + " " + service;
        return switch (unit) {
            case "hours" -> compute(line, f, usage, qty);
            case "gb-seconds" -> f.lambdaGbPerVcpu() == null || !(service.contains("lambda") || usage.contains("lambda"))
                    ? Classification.unestimated(Unestimated.UNCLASSIFIED)
                    : withUtilization(line, f, null,
                    qty.divide(SECONDS_PER_HOUR.multiply(f.lambdaGbPerVcpu()), SCALE, RoundingMode.HALF_EVEN));
            case "gb-month" -> storage(line, f, usage, service, text, qty);
            case "gb" -> network(usage, text, qty);
            case "gb-hours" -> usage.contains("memory") || usage.contains("fargate-gb") || text.contains("memory")
                    ? Classification.of(UsageKind.MEMORY, qty) : Classification.unestimated(Unestimated.UNCLASSIFIED);
            default -> Classification.unestimated(Unestimated.UNCLASSIFIED);
        };
    }

    /** Canonical unit names; Azure's "1 Hour" / "10 GB/Month" prefixes a pack size, which is folded in by the caller's quantity. */
    static String unit(String raw) {
        if (raw == null) return null;
        String u = raw.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("1 ")) u = u.substring(2).trim();
        return switch (u) {
            case "hrs", "hr", "hour", "hours", "h" -> "hours";
            case "gb-mo", "gb-month", "gb-months", "gb/month", "gb month", "gib-mo", "gib-month" -> "gb-month";
            case "gb", "gigabyte", "gigabytes", "gib" -> "gb";
            case "lambda-gb-second", "gb-second", "gb-seconds", "gb-sec" -> "gb-seconds";
            case "gb-hours", "gb-hour", "gb-hrs", "gb-hr" -> "gb-hours";
            default -> null;
        };
    }

    private static Classification compute(UsageLine line, ProviderFactors f, String usage, BigDecimal hours) {
        String type = instanceType(line, f, usage);
        if (type == null) {
            return Classification.unestimated(usage.contains("usage:") ? Unestimated.INSTANCE_TYPE_UNKNOWN : Unestimated.UNCLASSIFIED);
        }
        InstanceShape shape = f.instanceTypes().get(type);
        if (shape == null) return Classification.unestimated(Unestimated.INSTANCE_TYPE_UNKNOWN);
        // A Multi-AZ database runs a standby instance of the same size in a second zone.
        BigDecimal copies = usage.contains("multi-azusage") ? f.copies("rds-multi-az") : BigDecimal.ONE;
        BigDecimal vcpuHours = hours.multiply(BigDecimal.valueOf(shape.vcpus())).multiply(copies);
        WattRange w = shape.architecture() == null ? null : f.architectures().get(shape.architecture());
        Classification cpu = withUtilization(line, f, w, vcpuHours);
        WattRange gpu = shape.accelerated() ? f.gpuModels().get(shape.gpuModel()) : null;
        if (gpu == null) return cpu;
        // CCF counts an accelerated instance's GPUs beside its vCPUs, each GPU at its model's idle-to-full watts and
        // the provider's average utilization: the ledger carries no GPU metric, so it is always the default.
        return cpu.withGpus(hours.multiply(BigDecimal.valueOf(shape.gpus())).multiply(copies), gpu, f.defaultUtilization());
    }

    private static Classification withUtilization(UsageLine line, ProviderFactors f, WattRange w, BigDecimal vcpuHours) {
        boolean defaulted = line.utilization() == null;
        BigDecimal u = defaulted ? f.defaultUtilization() : line.utilization();
        return new Classification(UsageKind.COMPUTE, vcpuHours, w == null ? f.unknownArchitecture() : w, u, defaulted, null);
    }

    /**
     * The instance type of an hours row: AWS usage types name it after the colon ({@code USE1-BoxUsage:m5.large},
     * {@code InstanceUsage:db.r5.large}, {@code Multi-AZUsage:db.r6g.large}, {@code NodeUsage:cache.m5.large});
     * otherwise the SKU or resource type when the factor set lists it (Azure VM sizes as {@code standard_d2s_v3}).
     */
    static String instanceType(UsageLine line, ProviderFactors f, String usage) {
        int colon = usage.indexOf(':');
        if (colon > 0 && usage.substring(0, colon).endsWith("usage")) return usage.substring(colon + 1).trim();
        for (String candidate : new String[]{lower(line.skuId()), lower(line.resourceType())}) {
            if (!candidate.isEmpty() && f.instanceTypes().containsKey(candidate)) return candidate;
        }
        return null;
    }

    private static Classification storage(UsageLine line, ProviderFactors f, String usage, String service, String text, BigDecimal gbMonths) {
        UsageKind medium;
        String storageClass;
        if (usage.contains("ebs:volumeusage")) {
            String volume = usage.substring(usage.indexOf("ebs:volumeusage") + "ebs:volumeusage".length());
            medium = volume.startsWith(".gp") || volume.startsWith(".piops") || volume.startsWith(".io") ? UsageKind.STORAGE_SSD : UsageKind.STORAGE_HDD;
            storageClass = "ebs-volume";
        } else if (usage.contains("ebs:snapshotusage")) {
            medium = UsageKind.STORAGE_HDD;
            storageClass = "ebs-snapshot";
        } else if (usage.contains("rds:") && (usage.contains("storage") || usage.contains("backup"))) {
            boolean backup = usage.contains("backup");
            medium = backup || usage.endsWith("rds:storageusage") ? UsageKind.STORAGE_HDD : UsageKind.STORAGE_SSD;
            storageClass = backup ? "rds-backup" : usage.contains("multi-az") ? "rds-multi-az" : "default";
        } else if (usage.contains("timedstorage") || service.contains("simple storage service") || service.equals("amazons3")) {
            medium = UsageKind.STORAGE_HDD;
            storageClass = usage.contains("zia") || usage.contains("rrs") ? "s3-one-zone" : "s3";
        } else if (service.contains("elastic file system") || usage.contains("efs:") || usage.contains("timedstorage-bytehrs-efs")) {
            medium = UsageKind.STORAGE_HDD;
            storageClass = "efs";
        } else if (text.contains("microsoft.compute/disks") || service.contains("managed disks")) {
            medium = text.contains("premium") || text.contains("ssd") ? UsageKind.STORAGE_SSD
                    : text.contains("hdd") ? UsageKind.STORAGE_HDD : null;
            storageClass = "azure-disks";
        } else if (text.contains("microsoft.storage/") || service.equals("storage")) {
            medium = UsageKind.STORAGE_HDD;
            storageClass = text.contains("grs") ? "azure-grs" : text.contains("zrs") ? "azure-zrs" : text.contains("lrs") ? "azure-lrs" : "default";
        } else {
            medium = null;
            storageClass = null;
        }
        if (medium == null) return Classification.unestimated(Unestimated.STORAGE_MEDIUM_UNKNOWN);
        // A GB-month is a gigabyte kept for every hour of that month: spread over the month's own hours.
        BigDecimal hours = BigDecimal.valueOf(line.month().lengthOfMonth() * 24L);
        BigDecimal tbHours = gbMonths.multiply(hours).multiply(f.copies(storageClass)).divide(THOUSAND);
        return Classification.of(medium, tbHours);
    }

    private static Classification network(String usage, String text, BigDecimal gb) {
        if (usage.contains("datatransfer-regional-bytes") || usage.contains("-aws-out-bytes") || usage.contains("-aws-in-bytes")
                || text.contains("inter-region") || text.contains("inter region") || text.contains("intra continent")
                || text.contains("inter continent")) {
            return Classification.of(UsageKind.NETWORK, gb);
        }
        if (usage.contains("datatransfer-out") || usage.contains("out-bytes") || usage.contains("cloudfront") || usage.contains("natgateway-bytes")
                || text.contains("bandwidth") || text.contains("data transfer out") || text.contains("egress")
                || text.contains("microsoft.network/")) {
            return Classification.unestimated(Unestimated.TRANSFER_OUTSIDE_PROVIDER_NETWORK);
        }
        return Classification.unestimated(Unestimated.UNCLASSIFIED);
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
