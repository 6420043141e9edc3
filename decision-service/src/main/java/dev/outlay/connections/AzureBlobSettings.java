/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.azure.blob.AzureBlobLocation;
import dev.outlay.connectors.azure.blob.AzureExportSelection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a tenant's Azure Cost Management exports land (kind {@code azure-blob}): storage account, container and
 * the root folder the exports write under, and which exports to load: {@code dataset} {@code actual-amortized}
 * (the default: {@code actualExport} and {@code amortizedExport} name the two exports) or {@code focus}
 * ({@code focusExport}). {@code endpoint} overrides the account's blob endpoint (an emulator, a private
 * endpoint) where custom endpoints are allowed. Holds no credentials.
 */
public record AzureBlobSettings(String storageAccount, String container, String prefix, String dataset, String actualExport,
                                String amortizedExport, String focusExport, String endpoint) implements ConnectionSettings {

    public static final String PAIR = "actual-amortized";
    public static final String FOCUS = "focus";
    static final String ACCOUNT = "[a-z0-9]{3,24}";
    static final String CONTAINER = "[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]";
    static final String EXPORT = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (storageAccount == null || !storageAccount.matches(ACCOUNT)) f.add(Problem.Fault.at("config.storageAccount", "a storage account name (3-24 lower-case letters and digits)"));
        if (container == null || !container.matches(CONTAINER)) f.add(Problem.Fault.at("config.container", "a container name (3-63 lower-case letters, digits, single hyphens)"));
        if (prefix != null && (prefix.length() > 512 || prefix.contains(".."))) f.add(Problem.Fault.at("config.prefix", "a folder path of at most 512 characters, without '..'"));
        String d = dataset == null || dataset.isBlank() ? PAIR : dataset;
        if (PAIR.equals(d)) {
            if (actualExport == null || !actualExport.matches(EXPORT)) f.add(Problem.Fault.at("config.actualExport", "the name of the ActualCost export (letters, digits, '-', '_')"));
            if (amortizedExport == null || !amortizedExport.matches(EXPORT)) f.add(Problem.Fault.at("config.amortizedExport", "the name of the AmortizedCost export (letters, digits, '-', '_')"));
            if (actualExport != null && actualExport.equals(amortizedExport)) f.add(Problem.Fault.at("config.amortizedExport", "must differ from actualExport"));
        } else if (FOCUS.equals(d)) {
            if (focusExport == null || !focusExport.matches(EXPORT)) f.add(Problem.Fault.at("config.focusExport", "the name of the FocusCost export (letters, digits, '-', '_')"));
        } else {
            f.add(Problem.Fault.at("config.dataset", "one of [" + PAIR + ", " + FOCUS + "]"));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            if (!customEndpointsAllowed) {
                // A tenant-chosen endpoint makes the service send requests wherever the tenant says (SSRF).
                f.add(Problem.Fault.at("config.endpoint", "custom endpoints are disabled on this installation (outlay.connections.allow-custom-endpoints)"));
            } else if (!AwsS3Settings.validHttpUrl(endpoint)) {
                f.add(Problem.Fault.at("config.endpoint", "an http(s) URL such as http://127.0.0.1:10000/devstoreaccount1"));
            }
        }
        return f;
    }

    @Override
    public AzureBlobSettings normalised() {
        String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        String d = dataset == null || dataset.isBlank() ? PAIR : dataset;
        String e = endpoint == null || endpoint.isBlank() ? null : endpoint.trim().replaceAll("/+$", "");
        boolean focus = FOCUS.equals(d);
        return new AzureBlobSettings(storageAccount, container, p, d, focus ? null : actualExport, focus ? null : amortizedExport,
                focus ? focusExport : null, e);
    }

    public AzureBlobLocation location() {
        URI e = endpoint == null ? AzureBlobLocation.publicEndpoint(storageAccount) : URI.create(endpoint);
        return new AzureBlobLocation(storageAccount, e, container, prefix);
    }

    public AzureExportSelection selection() {
        return FOCUS.equals(dataset) ? AzureExportSelection.focus(focusExport) : AzureExportSelection.pair(actualExport, amortizedExport);
    }
}
