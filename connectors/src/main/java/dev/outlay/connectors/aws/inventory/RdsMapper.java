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
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** RDS DB instances to inventory items; the CUR bills them against the instance ARN (arn:aws:rds:...:db:name). */
final class RdsMapper {

    private RdsMapper() {
    }

    static InventoryItem dbInstance(String accountId, String region, DBInstance db, Instant observedAt) {
        Map<String, String> attrs = new TreeMap<>();
        Ec2Mapper.put(attrs, "identifier", db.dbInstanceIdentifier());
        Ec2Mapper.put(attrs, "engine", db.engine());
        Ec2Mapper.put(attrs, "engineVersion", db.engineVersion());
        attrs.put("multiAz", Boolean.toString(Boolean.TRUE.equals(db.multiAZ())));
        Ec2Mapper.put(attrs, "secondaryZone", db.secondaryAvailabilityZone());
        Ec2Mapper.put(attrs, "readReplicaSource", db.readReplicaSourceDBInstanceIdentifier());
        attrs.put("readReplicaCount", Integer.toString(db.hasReadReplicaDBInstanceIdentifiers()
                ? db.readReplicaDBInstanceIdentifiers().size() : 0));
        Ec2Mapper.put(attrs, "allocatedStorageGiB", db.allocatedStorage());
        Ec2Mapper.put(attrs, "storageType", db.storageType());
        Ec2Mapper.put(attrs, "licenseModel", db.licenseModel());
        // Aurora members bill storage at the cluster; their instance hours are still the instance's.
        Ec2Mapper.put(attrs, "clusterIdentifier", db.dbClusterIdentifier());
        return new InventoryItem(Ec2Mapper.PROVIDER, accountId, region, db.availabilityZone(), db.dbInstanceArn(),
                ResourceKind.DATABASE_INSTANCE, Ec2Mapper.lower(db.dbInstanceStatus()), db.dbInstanceClass(),
                null, db.instanceCreateTime(), null, AwsTags.of(db.tagList(), Tag::key, Tag::value), attrs, observedAt);
    }
}
