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
