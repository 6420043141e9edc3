package dev.outlay.connections;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of tenant connections ({@code outlay.connections.*}). */
@ConfigMapping(prefix = "outlay.connections")
public interface ConnectionsConfig {

    /**
     * Whether tenants may point a connection at an S3 endpoint of their choice (S3-compatible stores). Off by
     * default: the service would otherwise make requests to any address a tenant administrator names.
     */
    @WithDefault("false")
    boolean allowCustomEndpoints();
}
