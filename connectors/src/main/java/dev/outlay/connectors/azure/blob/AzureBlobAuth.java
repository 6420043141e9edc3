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

/**
 * How a connection reads its storage account: a SAS token (container-scoped, read + list), the account key, or an
 * Entra ID service principal (client secret) holding Storage Blob Data Reader on the container. Records print no
 * secret.
 */
public sealed interface AzureBlobAuth {

    /** @param token the query string of a SAS, with or without the leading '?' */
    record Sas(String token) implements AzureBlobAuth {
        @Override
        public String toString() {
            return "Sas[***]";
        }
    }

    record AccountKey(String key) implements AzureBlobAuth {
        @Override
        public String toString() {
            return "AccountKey[***]";
        }
    }

    /** @param authorityHost null for the public cloud's Entra ID; set for sovereign clouds */
    record ServicePrincipal(String tenantId, String clientId, String clientSecret, String authorityHost) implements AzureBlobAuth {
        @Override
        public String toString() {
            return "ServicePrincipal[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=***]";
        }
    }
}
