package dev.outlay.connectors;

/** A connection's configuration. Implementations validate in their constructor: an instance is always usable. */
public interface ConnectorConfig {
}
