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
package dev.outlay.connectors.gcp;

import dev.outlay.model.ServiceCategory;

import java.util.Map;

/**
 * FOCUS ServiceCategory for the export's {@code service.description}. Google publishes no category, so this is a
 * curated table of the common services; anything else is {@code Other} with the row flagged, never dropped.
 */
final class GcpServiceCategories {

    private static final Map<String, ServiceCategory> BY_DESCRIPTION = Map.ofEntries(
            Map.entry("Compute Engine", ServiceCategory.COMPUTE),
            Map.entry("Kubernetes Engine", ServiceCategory.COMPUTE),
            Map.entry("Cloud Run", ServiceCategory.COMPUTE),
            Map.entry("Cloud Run Functions", ServiceCategory.COMPUTE),
            Map.entry("Cloud Functions", ServiceCategory.COMPUTE),
            Map.entry("App Engine", ServiceCategory.COMPUTE),
            Map.entry("Cloud Storage", ServiceCategory.STORAGE),
            Map.entry("Filestore", ServiceCategory.STORAGE),
            Map.entry("BigQuery", ServiceCategory.ANALYTICS),
            Map.entry("Dataflow", ServiceCategory.ANALYTICS),
            Map.entry("Dataproc", ServiceCategory.ANALYTICS),
            Map.entry("Pub/Sub", ServiceCategory.INTEGRATION),
            Map.entry("Cloud SQL", ServiceCategory.DATABASES),
            Map.entry("Cloud Spanner", ServiceCategory.DATABASES),
            Map.entry("Cloud Bigtable", ServiceCategory.DATABASES),
            Map.entry("Firestore", ServiceCategory.DATABASES),
            Map.entry("Memorystore for Redis", ServiceCategory.DATABASES),
            Map.entry("Networking", ServiceCategory.NETWORKING),
            Map.entry("Cloud DNS", ServiceCategory.NETWORKING),
            Map.entry("Cloud CDN", ServiceCategory.NETWORKING),
            Map.entry("Cloud Logging", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("Cloud Monitoring", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("Secret Manager", ServiceCategory.SECURITY),
            Map.entry("Cloud Key Management Service (KMS)", ServiceCategory.SECURITY),
            Map.entry("Vertex AI", ServiceCategory.AI_AND_MACHINE_LEARNING),
            Map.entry("Artifact Registry", ServiceCategory.DEVELOPER_TOOLS),
            Map.entry("Cloud Build", ServiceCategory.DEVELOPER_TOOLS));

    private GcpServiceCategories() {
    }

    /** Null when the service is not in the table. */
    static ServiceCategory of(String description) {
        return description == null ? null : BY_DESCRIPTION.get(description);
    }
}
