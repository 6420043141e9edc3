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
package dev.outlay.connectors.gcp;

/**
 * A billing export read that failed as a whole: nothing of it is returned. {@link Kind} tells the caller which
 * problem to report; the message names the table and what BigQuery said (never the credentials).
 */
public class GcpBillingReadException extends RuntimeException {

    public enum Kind {
        /** 401, or 403 accessDenied: the key is invalid, expired or lacks bigquery.jobs.create / table read. */
        CREDENTIALS_REJECTED,
        /** 404: project, dataset or table does not exist. */
        TABLE_NOT_FOUND,
        /** 400 invalidQuery and the like: BigQuery refused the query (e.g. a column the table lacks). */
        QUERY_REJECTED,
        /** One read carried more than one billing currency (one billing account bills in one currency). */
        MIXED_CURRENCIES,
        /** Anything else: network, 5xx after retries, unreadable response. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String table;

    public GcpBillingReadException(Kind kind, String table, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.table = table;
    }

    public Kind kind() {
        return kind;
    }

    public String table() {
        return table;
    }
}
