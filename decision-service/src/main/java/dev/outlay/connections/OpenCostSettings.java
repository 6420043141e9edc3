package dev.outlay.connections;

import dev.outlay.api.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * A Kubernetes cluster's OpenCost-compatible allocation API (kind {@code opencost}): its base URL (the service's
 * {@code :9003} API, or a Kubecost frontend's {@code /model}), the cluster's name (FOCUS SubAccountId of its rows),
 * and the cloud account whose bill carries the cluster's nodes ({@code nodeAccountId}, shown on the rows so a
 * report can tell which bill they re-slice). An optional bearer token is the sealed credential. The endpoint is
 * inside the company's network by nature, so it is a custom endpoint: allowed only where the installation allows them.
 */
public record OpenCostSettings(String endpoint, String cluster, String nodeAccountId, Integer backfillDays) implements ConnectionSettings {

    static final String CLUSTER = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    static final int MAX_BACKFILL = 90;

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (endpoint == null || endpoint.isBlank()) f.add(Problem.Fault.at("config.endpoint", "required: the OpenCost API's base URL"));
        else f.addAll(CustomEndpoint.faults("config.endpoint", endpoint, customEndpointsAllowed));
        if (cluster == null || !cluster.strip().matches(CLUSTER)) f.add(Problem.Fault.at("config.cluster", "required: the cluster's name, 1-63 letters, digits, '.', '_' or '-'"));
        if (nodeAccountId != null && nodeAccountId.length() > 200) f.add(Problem.Fault.at("config.nodeAccountId", "at most 200 characters"));
        if (backfillDays != null && (backfillDays < 1 || backfillDays > MAX_BACKFILL)) f.add(Problem.Fault.at("config.backfillDays", "1 to " + MAX_BACKFILL + " days"));
        return f;
    }

    @Override
    public OpenCostSettings normalised() {
        return new OpenCostSettings(strip(endpoint), strip(cluster), strip(nodeAccountId), backfillDays == null ? 7 : backfillDays);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
