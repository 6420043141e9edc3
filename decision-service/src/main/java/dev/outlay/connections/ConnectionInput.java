package dev.outlay.connections;

import dev.outlay.api.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * The writable part of a connection. On update, omitted credentials keep the stored ones, so settings can be
 * changed without handling the secret again.
 */
public record ConnectionInput(String name, String kind, Boolean enabled, AwsS3Settings config, AwsCredentials credentials) {

    public static final String AWS_S3 = "aws-s3";
    static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";

    public List<Problem.Fault> faults(boolean creating, boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (name == null || !name.matches(NAME)) f.add(Problem.Fault.at("name", "1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        if (!AWS_S3.equals(kind)) f.add(Problem.Fault.at("kind", "one of [aws-s3]"));
        if (config == null) f.add(Problem.Fault.at("config", "required: bucket, exportName, and optionally prefix, region, endpoint, pathStyle"));
        else f.addAll(config.faults(customEndpointsAllowed));
        if (credentials != null) f.addAll(credentials.faults());
        else if (creating) f.add(Problem.Fault.at("credentials", "required: accessKeyId and secretAccessKey"));
        return f;
    }

    @Override
    public String toString() {
        return "ConnectionInput[name=" + name + ", kind=" + kind + ", enabled=" + enabled + ", config=" + config + "]";
    }
}
