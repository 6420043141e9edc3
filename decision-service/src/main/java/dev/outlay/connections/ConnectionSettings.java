package dev.outlay.connections;

import dev.outlay.api.problem.Problem;

import java.util.List;

/** The non-secret settings of a connection; one record per kind, stored as the row's settings JSON. */
public sealed interface ConnectionSettings permits AwsS3Settings, AwsInventorySettings, AzureBlobSettings, GcpBigQuerySettings,
        M365Settings, SalesforceSettings, StripeSettings, OpenCostSettings {

    /** Every problem of these settings, with the field path under {@code config}. */
    List<Problem.Fault> faults(boolean customEndpointsAllowed);

    /** As stored: blanks removed, defaults applied. */
    ConnectionSettings normalised();
}
