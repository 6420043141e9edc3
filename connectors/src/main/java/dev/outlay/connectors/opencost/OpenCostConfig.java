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
package dev.outlay.connectors.opencost;

import dev.outlay.connectors.InvalidConfigException;

import java.net.URI;

/** A cluster's OpenCost allocation API: its base URL, an optional bearer token (never printed), the cluster's name. */
public record OpenCostConfig(String endpoint, String token, String cluster) {

    public OpenCostConfig {
        if (endpoint == null || endpoint.isBlank()) throw new InvalidConfigException("endpoint", "the OpenCost API's base URL is required");
        endpoint = endpoint.strip().replaceAll("/+$", "");
        if (cluster == null || cluster.isBlank()) throw new InvalidConfigException("cluster", "the cluster's name is required");
    }

    URI uri(String pathAndQuery) {
        return URI.create(endpoint + pathAndQuery);
    }

    @Override
    public String toString() {
        return "OpenCostConfig[endpoint=" + endpoint + ", cluster=" + cluster + "]";
    }
}
