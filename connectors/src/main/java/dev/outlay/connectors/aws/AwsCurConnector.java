package dev.outlay.connectors.aws;

import dev.outlay.connectors.RowMapper;
import dev.outlay.connectors.SourceConnector;
import dev.outlay.connectors.csv.CsvHeader;
import dev.outlay.model.SourceKind;

/** AWS Cost and Usage Report, legacy ({@code lineItem/UnblendedCost}; as Parquet: snake columns, one per tag) or 2.0 ({@code line_item_unblended_cost}), CSV or Parquet. */
public final class AwsCurConnector implements SourceConnector<AwsCurConfig> {

    @Override
    public SourceKind kind() {
        return SourceKind.AWS_CUR;
    }

    @Override
    public AwsCurConfig config(String mappingJson) {
        return new AwsCurConfig();
    }

    @Override
    public RowMapper bind(AwsCurConfig config, CsvHeader header, String file) {
        return new CurRowMapper(new CurColumns(header), file);
    }
}
