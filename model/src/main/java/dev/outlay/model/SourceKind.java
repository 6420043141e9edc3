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
package dev.outlay.model;

/** The kinds of billing source a connector reads; {@link #id()} is the name used in the API and CLI. */
public enum SourceKind {
    AWS_CUR("aws-cur"),
    FOCUS("focus"),
    INVOICE_CSV("invoice-csv"),
    /** Azure Cost Management actual or amortized cost export (EA or MCA columns); the dataset is in the mapping. */
    AZURE_COST("azure-cost"),
    /** Google Cloud Billing export rows, read from BigQuery by a {@code gcp-bigquery} connection; never a file upload. */
    GCP_BILLING("gcp-billing", false);

    private final String id;
    private final boolean uploadable;

    SourceKind(String id) {
        this(id, true);
    }

    SourceKind(String id, boolean uploadable) {
        this.id = id;
        this.uploadable = uploadable;
    }

    /** Whether files of this kind can be uploaded (the others are read from an API by a connection). */
    public boolean uploadable() {
        return uploadable;
    }

    public String id() {
        return id;
    }

    public static SourceKind parse(String text) {
        for (SourceKind k : values()) {
            if (k.id.equals(text)) return k;
        }
        throw new IllegalArgumentException("unknown source kind '" + text + "' (allowed: aws-cur, focus, invoice-csv, azure-cost, gcp-billing)");
    }
}
