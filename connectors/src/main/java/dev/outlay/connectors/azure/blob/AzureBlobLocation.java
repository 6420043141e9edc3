package dev.outlay.connectors.azure.blob;

import java.net.URI;

/**
 * Where an account's Cost Management exports land: the blob endpoint ({@code https://<account>.blob.core.windows.net},
 * or an emulator's {@code http://127.0.0.1:<port>/<account>}), the container and the root folder the exports were
 * configured with. Exports sit under {@code <prefix>/<exportName>/}.
 */
public record AzureBlobLocation(String account, URI endpoint, String container, String prefix) {

    public AzureBlobLocation {
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    }

    /** The public endpoint of a storage account. */
    public static URI publicEndpoint(String account) {
        return URI.create("https://" + account + ".blob.core.windows.net");
    }

    /** The folder of one export, relative to the container. */
    public String exportRoot(String exportName) {
        return prefix.isEmpty() ? exportName : prefix + "/" + exportName;
    }

    /** How problems name a blob: {@code azure://<account>/<container>/<name>}. */
    public String where(String blobName) {
        return "azure://" + account + "/" + container + (blobName == null || blobName.isEmpty() ? "" : "/" + blobName);
    }
}
