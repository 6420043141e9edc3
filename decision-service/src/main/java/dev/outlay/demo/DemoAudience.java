/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * In demo mode the expected token audience defaults to {@value #AUDIENCE}, which {@code ./outlay token} puts into
 * every demo token, so a token without {@code aud} is refused in demo mode too. Outside demo mode there is no
 * default: the operator names the audience their identity provider issues (MP_JWT_VERIFY_AUDIENCES), and
 * {@link dev.outlay.platform.AuthStartupCheck} refuses to start without one. A config source rather than a line in
 * application.properties because the default must depend on another setting (demo mode is a runtime switch, not a
 * profile); its low ordinal lets any explicit setting win.
 */
public class DemoAudience implements ConfigSourceFactory {

    public static final String AUDIENCE = "outlay";
    static final String PROPERTY = "mp.jwt.verify.audiences";
    static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue demo = context.getValue("outlay.demo.enabled");
        if (demo == null || !"true".equalsIgnoreCase(demo.getValue())) return List.of();
        return List.of(new PropertiesConfigSource(Map.of(PROPERTY, AUDIENCE), "outlay-demo-audience", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
