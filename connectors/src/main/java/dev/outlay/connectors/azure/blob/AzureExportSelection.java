package dev.outlay.connectors.azure.blob;

/**
 * Which exports of a container a connection loads: an actual + amortized pair (billed cost from the actual
 * export, effective cost from the amortized one), or one FOCUS export (which carries both measures itself).
 * Names are the export names, i.e. the folders under the location's prefix.
 */
public record AzureExportSelection(String actualExport, String amortizedExport, String focusExport) {

    public static AzureExportSelection pair(String actualExport, String amortizedExport) {
        return new AzureExportSelection(actualExport, amortizedExport, null);
    }

    public static AzureExportSelection focus(String focusExport) {
        return new AzureExportSelection(null, null, focusExport);
    }

    public boolean isFocus() {
        return focusExport != null;
    }
}
