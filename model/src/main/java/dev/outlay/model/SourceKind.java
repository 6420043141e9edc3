package dev.outlay.model;

/** The kinds of billing source a connector reads; {@link #id()} is the name used in the API and CLI. */
public enum SourceKind {
    AWS_CUR("aws-cur"),
    FOCUS("focus"),
    INVOICE_CSV("invoice-csv"),
    /** Azure Cost Management actual or amortized cost export (EA or MCA columns); the dataset is in the mapping. */
    AZURE_COST("azure-cost"),
    /** Google Cloud Billing export rows, read from BigQuery by a {@code gcp-bigquery} connection; never a file upload. */
    GCP_BILLING("gcp-billing", false);

    private final String id;
    private final boolean uploadable;

    SourceKind(String id) {
        this(id, true);
    }

    SourceKind(String id, boolean uploadable) {
        this.id = id;
        this.uploadable = uploadable;
    }

    /** Whether files of this kind can be uploaded (the others are read from an API by a connection). */
    public boolean uploadable() {
        return uploadable;
    }

    public String id() {
        return id;
    }

    public static SourceKind parse(String text) {
        for (SourceKind k : values()) {
            if (k.id.equals(text)) return k;
        }
        throw new IllegalArgumentException("unknown source kind '" + text + "' (allowed: aws-cur, focus, invoice-csv, azure-cost, gcp-billing)");
    }
}
