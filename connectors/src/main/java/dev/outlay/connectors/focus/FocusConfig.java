package dev.outlay.connectors.focus;

import dev.outlay.connectors.ConnectorConfig;

/** FOCUS files are self-describing; the provider name written in the file is used. */
public record FocusConfig() implements ConnectorConfig {
}
