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
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** ELBv2 load balancers (application, network, gateway) to inventory items; the id is the ARN, as in the CUR. */
final class ElbMapper {

    private ElbMapper() {
    }

    static InventoryItem loadBalancer(String accountId, String region, LoadBalancer lb, List<Tag> tags, Instant observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        Ec2Mapper.put(attrs, "name", lb.loadBalancerName());
        Ec2Mapper.put(attrs, "type", lb.typeAsString());
        Ec2Mapper.put(attrs, "scheme", lb.schemeAsString());
        Ec2Mapper.put(attrs, "dnsName", lb.dnsName());
        Ec2Mapper.put(attrs, "vpcId", lb.vpcId());
        Ec2Mapper.put(attrs, "ipAddressType", lb.ipAddressTypeAsString());
        if (lb.hasAvailabilityZones()) {
            List<String> zones = lb.availabilityZones().stream().map(AvailabilityZone::zoneName).sorted().toList();
            attrs.put("zones", String.join(",", zones));
            attrs.put("zoneCount", Integer.toString(zones.size()));
        }
        String metricDimension = metricDimension(lb.loadBalancerArn());
        if (metricDimension != null) attrs.put("cloudWatchDimension", metricDimension);
        String state = lb.state() == null ? null : Ec2Mapper.lower(lb.state().codeAsString());
        return new InventoryItem(Ec2Mapper.PROVIDER, accountId, region, null, lb.loadBalancerArn(), ResourceKind.LOAD_BALANCER,
                state, lb.typeAsString(), null, lb.createdTime(), null, AwsTags.of(tags, Tag::key, Tag::value), attrs, observedAt);
    }

    /**
     * CloudWatch's LoadBalancer dimension is the ARN's tail after "loadbalancer/": app/name/id (or net/..., gwy/...).
     */
    static String metricDimension(String arn) {
        if (arn == null) return null;
        int i = arn.indexOf(":loadbalancer/");
        return i < 0 ? null : arn.substring(i + ":loadbalancer/".length());
    }
}
