/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
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
