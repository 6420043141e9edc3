/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

/**
 * A console sign-in through the tenant's IdP that cannot end in a session: the reason is shown on the sign-in page,
 * and nothing (no session, no user) was created. {@link Kind} picks the answer's status.
 */
public class SsoLoginRefusedException extends RuntimeException {

    public enum Kind {
        /** The answer from the browser or the IdP does not prove who signed in (state, nonce, signature, claims): 401. */
        REFUSED(401),
        /** The tenant has no SSO registration: 404. */
        NOT_CONFIGURED(404),
        /** Signed in at the IdP, but nothing maps to an Outlay role, or another sign-in is forbidden: 403. */
        FORBIDDEN(403),
        /** The IdP could not be reached or answered outside the protocol: 502. */
        IDP_UNAVAILABLE(502);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;

    public SsoLoginRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SsoLoginRefusedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
