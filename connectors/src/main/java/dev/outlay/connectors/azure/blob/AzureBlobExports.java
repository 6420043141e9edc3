/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.azure.blob;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.azure.AzureExportManifest;
import dev.outlay.connectors.azure.AzureExportRuns;

import java.io.InputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads Cost Management exports from one container with the Azure SDK: finds the newest run of a month (a
 * re-export of the period replaces the older run), parses its {@code manifest.json} and opens the data blobs the
 * manifest lists. Every storage failure (missing container, expired SAS, rejected key) becomes a
 * {@link SourceFormatException} naming the account, container and blob, so the pipeline records it like a bad file.
 */
public final class AzureBlobExports implements AzureExportStore {

    private final AzureBlobLocation location;
    private final BlobContainerClient container;
    /** The {@code se=} of a SAS, to say "expired" when the service only says 403 (Azurite: AuthorizationFailure). */
    private final java.time.OffsetDateTime sasExpiry;

    public AzureBlobExports(AzureBlobLocation location, AzureBlobAuth auth) {
        this.location = location;
        BlobContainerClientBuilder b = new BlobContainerClientBuilder()
                .endpoint(location.endpoint().toString())
                .containerName(location.container())
                // A poll that fails is retried by the schedule; here only a brief retry of transient faults.
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 2, 30, 200L, 2000L, null));
        this.sasExpiry = auth instanceof AzureBlobAuth.Sas s ? sasExpiry(s.token()) : null;
        if (auth instanceof AzureBlobAuth.Sas s) {
            b.credential(new AzureSasCredential(s.token().startsWith("?") ? s.token().substring(1) : s.token()));
        } else if (auth instanceof AzureBlobAuth.AccountKey k) {
            b.credential(new StorageSharedKeyCredential(location.account(), k.key()));
        } else if (auth instanceof AzureBlobAuth.ServicePrincipal p) {
            ClientSecretCredentialBuilder sp = new ClientSecretCredentialBuilder()
                    .tenantId(p.tenantId()).clientId(p.clientId()).clientSecret(p.clientSecret());
            if (p.authorityHost() != null) sp.authorityHost(p.authorityHost());
            b.credential(sp.build());
        }
        this.container = b.buildClient();
    }

    @Override
    public AzureBlobLocation location() {
        return location;
    }

    @Override
    public Optional<AzureExportManifest> newestRun(String exportName, YearMonth month) {
        String root = location.exportRoot(exportName);
        String folder = root + "/" + AzureExportRuns.periodFolder(month) + "/";
        List<String> names = call(folder, () -> {
            List<String> out = new ArrayList<>();
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(folder), Duration.ofMinutes(2))) {
                out.add(item.getName());
            }
            return out;
        });
        Optional<String> manifest = AzureExportRuns.newestManifest(names, root, month);
        if (manifest.isEmpty()) return Optional.empty();
        byte[] bytes = call(manifest.get(), () -> container.getBlobClient(manifest.get()).downloadContent().toBytes());
        return Optional.of(AzureExportManifest.parse(location.where(manifest.get()), bytes));
    }

    @Override
    public InputStream open(String blobName) {
        return call(blobName, () -> container.getBlobClient(blobName).openInputStream());
    }

    private <T> T call(String blob, Supplier<T> op) {
        try {
            return op.get();
        } catch (BlobStorageException e) {
            throw new SourceFormatException(location.where(blob), 0, 0, null, describe(e), e);
        } catch (HttpResponseException e) {
            throw new SourceFormatException(location.where(blob), 0, 0, null, "storage refused the request (HTTP "
                    + e.getResponse().getStatusCode() + ")", e);
        } catch (RuntimeException e) {
            // Network faults and credential acquisition (service principal) surface here; the message names no secret.
            throw new SourceFormatException(location.where(blob), 0, 0, null, "storage unreachable: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
        }
    }

    private String describe(BlobStorageException e) {
        String code = e.getErrorCode() == null ? "unknown" : e.getErrorCode().toString();
        if (e.getStatusCode() == 403 && sasExpiry != null && sasExpiry.isBefore(java.time.OffsetDateTime.now())) {
            return "the SAS token expired at " + sasExpiry + " (HTTP 403, " + code + ")";
        }
        String why = switch (code) {
            case "ContainerNotFound" -> "container '" + location.container() + "' does not exist in account " + location.account();
            case "BlobNotFound" -> "a blob the manifest lists does not exist";
            case "AuthenticationFailed" -> "the storage account refused the credentials (an expired or malformed SAS, or a wrong account key)";
            case "AuthorizationPermissionMismatch", "AuthorizationFailure" -> "the credentials may not list or read this container";
            default -> "storage refused the request";
        };
        return why + " (HTTP " + e.getStatusCode() + ", " + code + ")";
    }

    static java.time.OffsetDateTime sasExpiry(String token) {
        for (String kv : token.replaceFirst("^\\?", "").split("&")) {
            if (!kv.startsWith("se=")) continue;
            try {
                return java.time.OffsetDateTime.parse(java.net.URLDecoder.decode(kv.substring(3), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
