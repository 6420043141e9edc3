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
package dev.outlay.connectors.aws.inventory;

import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.ResourceKind;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** EC2 Describe* answers to inventory items. See docs/mappings/aws-inventory.md for the table. */
final class Ec2Mapper {

    static final String PROVIDER = "aws";

    /** Copied and imported snapshots name this placeholder instead of a real source volume. */
    static final String NO_SOURCE_VOLUME = "vol-ffffffff";

    // StateTransitionReason is free text with the time in parentheses: "User initiated (2024-01-05 10:00:00 GMT)".
    private static final Pattern TRANSITION_TIME = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) GMT\\)");
    private static final DateTimeFormatter TRANSITION_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Ec2Mapper() {
    }

    static InventoryItem instance(String accountId, String region, Instance i, Instant observedAt) {
        String state = i.state() == null ? null : lower(i.state().nameAsString());
        Map<String, String> attrs = new TreeMap<>();
        put(attrs, "launchTime", i.launchTime());
        put(attrs, "stateTransitionReason", blankToNull(i.stateTransitionReason()));
        if (i.stateReason() != null) put(attrs, "stateReasonCode", i.stateReason().code());
        put(attrs, "platformDetails", i.platformDetails());
        // Absent InstanceLifecycle means on-demand (or covered by a reservation / savings plan: the CUR says which).
        attrs.put("lifecycle", i.instanceLifecycle() == null ? "on-demand" : lower(i.instanceLifecycleAsString()));
        put(attrs, "architecture", i.architectureAsString());
        put(attrs, "vpcId", i.vpcId());
        String zone = i.placement() == null ? null : i.placement().availabilityZone();
        return new InventoryItem(PROVIDER, accountId, region, zone, i.instanceId(), ResourceKind.COMPUTE_INSTANCE,
                state, i.instanceTypeAsString(), null, createdAt(i), stateSince(state, i), tags(i.tags()), attrs, observedAt);
    }

    /**
     * EC2 reports no creation time: LaunchTime is the last start (it moves on every stop/start). The primary network
     * interface (device index 0) was attached at the original launch and stays attached, so its attach time is the
     * creation time; instances without one (EC2-Classic leftovers) have none.
     */
    static Instant createdAt(Instance i) {
        if (!i.hasNetworkInterfaces()) return null;
        return i.networkInterfaces().stream()
                .map(InstanceNetworkInterface::attachment)
                .filter(a -> a != null && Integer.valueOf(0).equals(a.deviceIndex()) && a.attachTime() != null)
                .map(a -> a.attachTime())
                .findFirst().orElse(null);
    }

    /** Running: since the last launch. Stopped/stopping/shutting-down: the time in StateTransitionReason, if any. */
    static Instant stateSince(String state, Instance i) {
        if ("running".equals(state) || "pending".equals(state)) return i.launchTime();
        return transitionTime(i.stateTransitionReason()).orElse(null);
    }

    static Optional<Instant> transitionTime(String reason) {
        if (reason == null) return Optional.empty();
        Matcher m = TRANSITION_TIME.matcher(reason);
        if (!m.find()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), TRANSITION_FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static InventoryItem volume(String accountId, String region, Volume v, Instant observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        put(attrs, "volumeSizeGiB", v.size());
        put(attrs, "iops", v.iops());
        put(attrs, "throughputMiBps", v.throughput());
        put(attrs, "encrypted", v.encrypted());
        put(attrs, "snapshotId", blankToNull(v.snapshotId()));
        put(attrs, "multiAttach", v.multiAttachEnabled());
        VolumeAttachment first = v.hasAttachments() ? v.attachments().stream()
                .min(Comparator.comparing(VolumeAttachment::instanceId, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null) : null;
        int attachments = v.hasAttachments() ? v.attachments().size() : 0;
        attrs.put("attachmentCount", Integer.toString(attachments));
        if (first != null) {
            put(attrs, "attachmentState", lower(first.stateAsString()));
            put(attrs, "device", first.device());
            put(attrs, "deleteOnTermination", first.deleteOnTermination());
        }
        Instant since = first != null ? first.attachTime() : null;
        return new InventoryItem(PROVIDER, accountId, region, v.availabilityZone(), v.volumeId(), ResourceKind.BLOCK_VOLUME,
                lower(v.stateAsString()), v.volumeTypeAsString(), first == null ? null : first.instanceId(), v.createTime(),
                since, tags(v.tags()), attrs, observedAt);
    }

    /**
     * The CUR bills an Elastic IP (ElasticIP:IdleAddress, PublicIPv4:InUseAddress/IdleAddress) against the public
     * address itself, so that is the resource id; the allocation id travels as an attribute for joins that have it.
     * Addresses without a public IP (customer-owned pools) fall back to the allocation id.
     */
    static InventoryItem address(String accountId, String region, Address a, Instant observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        put(attrs, "allocationId", a.allocationId());
        put(attrs, "associationId", a.associationId());
        put(attrs, "domain", a.domainAsString());
        put(attrs, "networkInterfaceId", a.networkInterfaceId());
        put(attrs, "privateIpAddress", a.privateIpAddress());
        put(attrs, "networkBorderGroup", a.networkBorderGroup());
        put(attrs, "publicIp", a.publicIp());
        boolean associated = a.associationId() != null || a.instanceId() != null || a.networkInterfaceId() != null;
        String attachedTo = a.instanceId() != null ? a.instanceId() : a.networkInterfaceId();
        String id = a.publicIp() != null ? a.publicIp() : a.allocationId();
        return new InventoryItem(PROVIDER, accountId, region, null, id, ResourceKind.PUBLIC_IP,
                associated ? "associated" : "unassociated", null, attachedTo, null, null, tags(a.tags()), attrs, observedAt);
    }

    /** CUR snapshot line items carry the snapshot's ARN (with the owning account), not the snap- id. */
    static InventoryItem snapshot(String accountId, String region, Snapshot s, Instant observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        put(attrs, "snapshotId", s.snapshotId());
        put(attrs, "volumeSizeGiB", s.volumeSize());
        put(attrs, "storageTier", s.storageTierAsString());
        put(attrs, "encrypted", s.encrypted());
        put(attrs, "description", blankToNull(s.description()));
        put(attrs, "sourceVolumeId", s.volumeId());
        String source = s.volumeId() == null || NO_SOURCE_VOLUME.equals(s.volumeId()) ? null : s.volumeId();
        return new InventoryItem(PROVIDER, accountId, region, null, AwsArns.ec2(region, accountId, "snapshot", s.snapshotId()),
                ResourceKind.VOLUME_SNAPSHOT, lower(s.stateAsString()), null, source, s.startTime(), null,
                tags(s.tags()), attrs, observedAt);
    }

    /** NAT gateway hours and bytes are billed against the gateway's ARN. */
    static InventoryItem natGateway(String accountId, String region, NatGateway n, Instant observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        put(attrs, "natGatewayId", n.natGatewayId());
        put(attrs, "subnetId", n.subnetId());
        put(attrs, "vpcId", n.vpcId());
        put(attrs, "connectivityType", n.connectivityTypeAsString());
        if (n.hasNatGatewayAddresses()) {
            String ips = n.natGatewayAddresses().stream().map(NatGatewayAddress::publicIp)
                    .filter(ip -> ip != null).sorted().collect(Collectors.joining(","));
            if (!ips.isEmpty()) attrs.put("publicIps", ips);
        }
        return new InventoryItem(PROVIDER, accountId, region, null, AwsArns.ec2(region, accountId, "natgateway", n.natGatewayId()),
                ResourceKind.NAT_GATEWAY, lower(n.stateAsString()), n.connectivityTypeAsString(), null, n.createTime(),
                null, tags(n.tags()), attrs, observedAt);
    }

    static Map<String, String> tags(java.util.List<Tag> tags) {
        return AwsTags.of(tags, Tag::key, Tag::value);
    }

    static void put(Map<String, String> attrs, String key, Object value) {
        if (value != null) attrs.put(key, value.toString());
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
