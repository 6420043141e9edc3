package dev.outlay.console.studio;

/**
 * Whether the classic KIE BPMN editor was fetched at build time ({@code META-INF/resources/kie/bpmn/index.js}, see the
 * studio's editor assets): it is optional, so the process pages never depend on it and link it only when present.
 */
public final class ProcessViewerAsset {

    static final String RESOURCE = "META-INF/resources/kie/bpmn/index.js";

    private ProcessViewerAsset() {
    }

    public static boolean present() {
        return Thread.currentThread().getContextClassLoader().getResource(RESOURCE) != null;
    }
}
