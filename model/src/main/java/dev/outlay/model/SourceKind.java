package dev.outlay.model;

/** The kinds of billing source a connector reads; {@link #id()} is the name used in the API and CLI. */
public enum SourceKind {
    AWS_CUR("aws-cur"),
    FOCUS("focus"),
    INVOICE_CSV("invoice-csv"),
    /** Azure Cost Management actual or amortized cost export (EA or MCA columns); the dataset is in the mapping. */
    AZURE_COST("azure-cost");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SourceKind parse(String text) {
        for (SourceKind k : values()) {
            if (k.id.equals(text)) return k;
        }
        throw new IllegalArgumentException("unknown source kind '" + text + "' (allowed: aws-cur, focus, invoice-csv, azure-cost)");
    }
}
