package dev.outlay.connections;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * The writable part of a connection. On update, omitted credentials keep the stored ones, so settings can be
 * changed without handling the secret again. {@code config} is read by {@code kind}: {@link AwsS3Settings} for
 * {@code aws-s3} (and any unknown kind, so its faults still name the fields), {@link AwsInventorySettings} for
 * {@code aws-inventory}.
 */
public record ConnectionInput(String name, String kind, Boolean enabled, ConnectionSettings config, AwsCredentials credentials,
                              ApiSecret secret) {

    public static final String AWS_S3 = "aws-s3";
    public static final String AWS_INVENTORY = "aws-inventory";
    static final List<String> KINDS = java.util.stream.Stream.concat(java.util.stream.Stream.of(AWS_S3, AWS_INVENTORY),
            SaasKinds.KINDS.stream()).toList();
    static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";
    private static final ObjectMapper SETTINGS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** An AWS connection's input (no SaaS secret). */
    public ConnectionInput(String name, String kind, Boolean enabled, ConnectionSettings config, AwsCredentials credentials) {
        this(name, kind, enabled, config, credentials, null);
    }

    @JsonCreator
    static ConnectionInput fromJson(@JsonProperty("name") String name, @JsonProperty("kind") String kind,
                                    @JsonProperty("enabled") Boolean enabled, @JsonProperty("config") JsonNode config,
                                    @JsonProperty("credentials") JsonNode credentials) throws JsonProcessingException {
        ConnectionSettings settings = null;
        if (config != null && !config.isNull()) {
            Class<? extends ConnectionSettings> type = SaasKinds.contains(kind) ? SaasKinds.settingsType(kind)
                    : AWS_INVENTORY.equals(kind) ? AwsInventorySettings.class : AwsS3Settings.class;
            // A wrong shape (regions as a string) propagates as Jackson's own fault: 400 naming it.
            settings = SETTINGS.treeToValue(config, type);
        }
        boolean given = credentials != null && !credentials.isNull();
        if (SaasKinds.contains(kind)) {
            return new ConnectionInput(name, kind, enabled, settings, null, given ? SETTINGS.treeToValue(credentials, ApiSecret.class) : null);
        }
        return new ConnectionInput(name, kind, enabled, settings, given ? SETTINGS.treeToValue(credentials, AwsCredentials.class) : null, null);
    }

    public List<Problem.Fault> faults(boolean creating, boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (name == null || !name.matches(NAME)) f.add(Problem.Fault.at("name", "1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        if (kind == null || !KINDS.contains(kind)) f.add(Problem.Fault.at("kind", "one of " + KINDS));
        if (SaasKinds.contains(kind)) {
            f.addAll(SaasKinds.faults(config, secret, creating, customEndpointsAllowed));
            return f;
        }
        boolean inventory = AWS_INVENTORY.equals(kind);
        if (config == null) {
            f.add(Problem.Fault.at("config", inventory ? "required: accountId, regions, and roleArn (+ externalId) unless keys are given"
                    : "required: bucket, exportName, and optionally prefix, region, endpoint, pathStyle"));
        } else {
            f.addAll(config.faults(customEndpointsAllowed));
        }
        if (credentials != null) {
            f.addAll(credentials.faults());
            if (inventory && config instanceof AwsInventorySettings s && f.isEmpty()) {
                try {
                    s.config(credentials);
                } catch (InvalidConfigException e) {
                    f.add(Problem.Fault.at("credentials." + e.field(), e.getMessage()));
                }
            }
        } else if (creating && inventory) {
            // Without keys the role is assumed from this installation's own credentials: the external id is what
            // keeps one tenant from assuming a role set up for another (the confused-deputy guard AWS documents).
            if (!(config instanceof AwsInventorySettings s) || s.roleArn() == null || s.roleArn().isBlank()
                    || s.externalId() == null || s.externalId().isBlank()) {
                f.add(Problem.Fault.at("credentials", "required: accessKeyId and secretAccessKey, unless config has roleArn and externalId"));
            }
        } else if (creating) {
            f.add(Problem.Fault.at("credentials", "required: accessKeyId and secretAccessKey"));
        }
        return f;
    }

    @Override
    public String toString() {
        return "ConnectionInput[name=" + name + ", kind=" + kind + ", enabled=" + enabled + ", config=" + config + "]";
    }
}
