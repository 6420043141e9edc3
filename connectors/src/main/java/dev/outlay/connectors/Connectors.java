package dev.outlay.connectors;

import dev.outlay.connectors.aws.AwsCurConnector;
import dev.outlay.connectors.azure.AzureCostConnector;
import dev.outlay.connectors.focus.FocusConnector;
import dev.outlay.connectors.invoice.InvoiceCsvConnector;
import dev.outlay.model.SourceKind;

import java.io.InputStream;

/** The connector for each source kind, and a one-call way to open a file of that kind. */
public final class Connectors {

    private Connectors() {
    }

    public static SourceConnector<?> of(SourceKind kind) {
        return switch (kind) {
            case AWS_CUR -> new AwsCurConnector();
            case FOCUS -> new FocusConnector();
            case INVOICE_CSV -> new InvoiceCsvConnector();
            case AZURE_COST -> new AzureCostConnector();
            case GCP_BILLING -> throw new InvalidConfigException("source",
                    "gcp-billing rows are read from BigQuery by a gcp-bigquery connection, not uploaded as a file");
        };
    }

    /** Validates the mapping (throws {@link InvalidConfigException}) and opens a streaming reader. */
    public static ChargeReader open(SourceKind kind, String mappingJson, InputStream in, String file) {
        return open(of(kind), mappingJson, in, file);
    }

    private static <C extends ConnectorConfig> ChargeReader open(SourceConnector<C> c, String mappingJson, InputStream in, String file) {
        C config = c.config(mappingJson);
        return c.open(config, in, file);
    }
}
