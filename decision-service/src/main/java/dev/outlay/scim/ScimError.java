/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.scim;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The SCIM error body (RFC 7644 §3.12); {@code status} is a string there, not a number. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimError(List<String> schemas, String status, String scimType, String detail) {

    public static ScimError of(int status, String scimType, String detail) {
        return new ScimError(List.of(ScimMedia.ERROR), Integer.toString(status), scimType, detail);
    }
}
