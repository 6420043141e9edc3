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
package dev.outlay.connectors.saas;

/**
 * A read of a SaaS API that failed as a whole: nothing of it is used. {@link Kind} tells the caller which problem to
 * report; {@code where} names the request (method and path, never a token or secret).
 */
public class SaasReadException extends RuntimeException {

    public enum Kind {
        /** 401/403, or the token endpoint refused the client: the secret is wrong, expired or lacks a permission. */
        CREDENTIALS_REJECTED,
        /** 404: the tenant, org or path does not exist. */
        NOT_FOUND,
        /** Another 4xx: the API refused the request. */
        REJECTED,
        /** 429 or 503 still after the retries the API's Retry-After allowed. */
        THROTTLED,
        /** Network failure or 5xx. */
        UNAVAILABLE,
        /** A 2xx answer that is not the JSON the API documents (truncated, HTML, a field of the wrong type). */
        MALFORMED
    }

    private final Kind kind;
    private final String where;

    public SaasReadException(Kind kind, String where, String message, Throwable cause) {
        super(where + ": " + message, cause);
        this.kind = kind;
        this.where = where;
    }

    public Kind kind() {
        return kind;
    }

    public String where() {
        return where;
    }
}
