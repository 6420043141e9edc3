package dev.outlay.connectors.aws;

import dev.outlay.connectors.ConnectorConfig;

/** AWS CUR needs no column mapping: both dialects are recognised from the header. */
public record AwsCurConfig() implements ConnectorConfig {
}
