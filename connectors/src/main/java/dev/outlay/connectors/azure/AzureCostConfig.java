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
package dev.outlay.connectors.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.ConnectorConfig;
import dev.outlay.connectors.InvalidConfigException;

import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;

/**
 * The mapping of an Azure cost export file: {@code {"dataset": "ActualCost"}} or {@code "AmortizedCost"}. Required,
 * because the two datasets share a header but need different billed/effective rules (docs/mappings/azure-cost-exports.md).
 *
 * @param amortizedAlongside set by {@link AzureExportPair} only: the actual file is read next to the amortized one,
 *                           so its commitment purchases carry no effective cost (the amortized rows carry it)
 */
public record AzureCostConfig(AzureDataset dataset, boolean amortizedAlongside) implements ConnectorConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    public AzureCostConfig {
        Objects.requireNonNull(dataset, "dataset");
    }

    public static AzureCostConfig parse(String mappingJson) {
        if (mappingJson == null || mappingJson.isBlank()) {
            throw new InvalidConfigException("dataset", "an Azure cost export needs its dataset: {\"dataset\": \"ActualCost\"} or {\"dataset\": \"AmortizedCost\"}");
        }
        JsonNode n;
        try {
            n = JSON.readTree(mappingJson);
        } catch (IOException e) {
            throw new InvalidConfigException("mapping", "not valid JSON: " + e.getMessage());
        }
        if (n == null || !n.isObject()) throw new InvalidConfigException("mapping", "must be a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("dataset")) throw new InvalidConfigException(f, "unknown field (allowed: dataset)");
        }
        JsonNode d = n.get("dataset");
        if (d == null || !d.isTextual()) throw new InvalidConfigException("dataset", "is required and must be a string");
        return new AzureCostConfig(AzureDataset.parse(d.asText()), false);
    }
}
