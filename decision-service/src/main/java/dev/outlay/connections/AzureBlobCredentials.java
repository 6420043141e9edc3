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
import dev.outlay.connectors.azure.blob.AzureBlobAuth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an {@code azure-blob} connection reads its container, exactly one of: a SAS token (read + list on the
 * container), the storage account key, or a service principal ({@code tenantId}, {@code clientId},
 * {@code clientSecret}) with the Storage Blob Data Reader role.
 */
public record AzureBlobCredentials(String sasToken, String accountKey, String tenantId, String clientId, String clientSecret)
        implements ConnectionSecret {

    static final Map<String, String> MASK = Map.of("credential", "***");
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @Override
    public List<Problem.Fault> faults() {
        List<Problem.Fault> f = new ArrayList<>();
        boolean sas = present(sasToken);
        boolean key = present(accountKey);
        boolean sp = present(tenantId) || present(clientId) || present(clientSecret);
        if ((sas ? 1 : 0) + (key ? 1 : 0) + (sp ? 1 : 0) != 1) {
            f.add(Problem.Fault.at("credentials", "exactly one of: sasToken, accountKey, or tenantId + clientId + clientSecret"));
            return f;
        }
        // A SAS always carries its signature (sig=) and a service version (sv=); anything else is not one.
        if (sas && (sasToken.length() > 2048 || !sasToken.contains("sig=") || !sasToken.contains("sv="))) {
            f.add(Problem.Fault.at("credentials.sasToken", "a SAS token (the query string with sv=, sp=, se= and sig=)"));
        }
        if (key && (accountKey.length() > 256 || !accountKey.trim().matches("[A-Za-z0-9+/]+={0,2}"))) {
            f.add(Problem.Fault.at("credentials.accountKey", "the storage account key (base64)"));
        }
        if (sp) {
            if (tenantId == null || !tenantId.matches(GUID)) f.add(Problem.Fault.at("credentials.tenantId", "the Entra ID tenant id (a GUID)"));
            if (clientId == null || !clientId.matches(GUID)) f.add(Problem.Fault.at("credentials.clientId", "the application (client) id (a GUID)"));
            if (!present(clientSecret) || clientSecret.length() > 256) f.add(Problem.Fault.at("credentials.clientSecret", "the client secret is required"));
        }
        return f;
    }

    @Override
    public Map<String, String> mask() {
        return MASK;
    }

    AzureBlobAuth auth() {
        if (present(sasToken)) return new AzureBlobAuth.Sas(sasToken.trim());
        if (present(accountKey)) return new AzureBlobAuth.AccountKey(accountKey.trim());
        return new AzureBlobAuth.ServicePrincipal(tenantId, clientId, clientSecret, null);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "AzureBlobCredentials[***]";
    }
}
