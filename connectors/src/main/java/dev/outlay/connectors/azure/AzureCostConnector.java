package dev.outlay.connectors.azure;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/**
 * Azure Cost Management actual/amortized cost exports, EA or MCA columns (recognised from the header). Azure's
 * FOCUS export ({@code FocusCost}) is plain FOCUS and loads through the {@code focus} connector.
 */
public final class AzureCostConnector implements SourceConnector<AzureCostConfig> {

    @Override
    public SourceKind kind() {
        return SourceKind.AZURE_COST;
    }

    @Override
    public AzureCostConfig config(String mappingJson) {
        return AzureCostConfig.parse(mappingJson);
    }

    @Override
    public RowMapper bind(AzureCostConfig config, CsvHeader header, String file) {
        return new AzureCostRowMapper(new AzureColumns(header, file), config);
    }
}
