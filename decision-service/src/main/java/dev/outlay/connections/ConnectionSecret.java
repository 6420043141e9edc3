package dev.outlay.connections;

import dev.outlay.api.problem.Problem;

import java.util.List;
import java.util.Map;

/** The secret part of a connection, one record per kind; only ever stored sealed, never serialised back. */
public sealed interface ConnectionSecret permits AwsCredentials, AzureBlobCredentials, GcpCredentials, ApiSecret {

    /** Every problem of these credentials, with the field path under {@code credentials}. */
    List<Problem.Fault> faults();

    /** What the API shows in place of the secret: the field names, each masked. */
    Map<String, String> mask();
}
