/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthStartupCheckTest {

    private static final Optional<List<String>> NONE = Optional.empty();

    @Test
    void outsideDemoModeNoAudienceRefusesToStartNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuthStartupCheck.verify(false, NONE, NONE));
        assertTrue(e.getMessage().contains("MP_JWT_VERIFY_AUDIENCES"), e.getMessage());
        // A blank value (MP_JWT_VERIFY_AUDIENCES="") is no audience either.
        assertThrows(IllegalStateException.class, () -> AuthStartupCheck.verify(false, Optional.of(List.of(" ")), NONE));
    }

    @Test
    void outsideDemoModeAConfiguredAudienceStarts() {
        assertDoesNotThrow(() -> AuthStartupCheck.verify(false, Optional.of(List.of("outlay-api")), NONE));
    }

    @Test
    void demoModeStartsWithItsDefaultAudience() {
        assertDoesNotThrow(() -> AuthStartupCheck.verify(true, Optional.of(List.of("outlay")), NONE));
    }

    @Test
    void anyImpersonationRoleRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AuthStartupCheck.verify(true, Optional.of(List.of("outlay")), Optional.of(List.of("admin"))));
        assertTrue(e.getMessage().contains("KOGITO_SECURITY_AUTH_IMPERSONATION_ALLOWED_FOR_ROLES"), e.getMessage());
        assertDoesNotThrow(() -> AuthStartupCheck.verify(true, Optional.of(List.of("outlay")), Optional.of(List.of(""))));
    }
}
