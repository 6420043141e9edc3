package dev.outlay.connectors.invoice;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/** Any invoice-like CSV (SaaS, licences, internal platform spend) through a declarative column mapping. */
public final class InvoiceCsvConnector implements SourceConnector<InvoiceMapping> {

    @Override
    public SourceKind kind() {
        return SourceKind.INVOICE_CSV;
    }

    @Override
    public InvoiceMapping config(String mappingJson) {
        return InvoiceMapping.parse(mappingJson);
    }

    @Override
    public char delimiter(InvoiceMapping config) {
        return config.delimiter().charAt(0);
    }

    @Override
    public RowMapper bind(InvoiceMapping config, CsvHeader header, String file) {
        return new InvoiceRowMapper(config, header, file);
    }
}
