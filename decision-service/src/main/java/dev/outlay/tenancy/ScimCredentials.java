/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

/**
 * Verifies the SCIM bearer secret of a {@code /scim/v2} request and names the tenant it belongs to. Implemented by
 * the SCIM module; {@link TenantFilter} binds the caller it returns (a SCIM client is never a JWT holder).
 */
public interface ScimCredentials {

    /** The SCIM client's caller (tenant, {@code scim:<key id>}, role {@code scim}); throws a 401 when the secret does not verify. */
    Caller authenticate(String authorization, String method, String path);
}
