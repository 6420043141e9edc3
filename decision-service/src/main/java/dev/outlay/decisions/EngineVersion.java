/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.io.InputStream;
import java.util.Properties;

/** The engine that compiles and runs versions, recorded with each version so a replay can tell if the engine moved. */
public final class EngineVersion {

    public static final String VALUE = "kie-dmn " + read("org.kie", "kie-dmn-core") + ", drools " + read("org.drools", "drools-core");

    private EngineVersion() {
    }

    private static String read(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = EngineVersion.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
