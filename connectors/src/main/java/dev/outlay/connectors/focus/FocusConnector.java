package dev.outlay.connectors.focus;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/** FOCUS 1.0–1.2 Cost and Usage CSV from any provider. */
public final class FocusConnector implements SourceConnector<FocusConfig> {

    @Override
    public SourceKind kind() {
        return SourceKind.FOCUS;
    }

    @Override
    public FocusConfig config(String mappingJson) {
        return new FocusConfig();
    }

    @Override
    public RowMapper bind(FocusConfig config, CsvHeader header, String file) {
        return new FocusRowMapper(header, file);
    }

    @Override
    public boolean nullLiteral() {
        return true;
    }
}
