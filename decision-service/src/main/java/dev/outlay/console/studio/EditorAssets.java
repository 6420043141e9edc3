/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

/**
 * Whether the build put the KIE editor bundles in (src/build/kie-editors.sh fetches them with npm; a build without
 * npm has none). The editor page checks before it offers the editor, so a missing asset is a sentence, not a 404
 * in the browser's console.
 */
final class EditorAssets {

    static final String DMN = "/console/assets/kie/dmn/index.js";
    static final String BPMN = "/console/assets/kie/bpmn/index.js";

    private EditorAssets() {
    }

    static boolean present(String servedPath) {
        return EditorAssets.class.getClassLoader().getResource("META-INF/resources" + servedPath) != null;
    }
}
