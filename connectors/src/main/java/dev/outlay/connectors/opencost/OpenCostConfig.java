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
