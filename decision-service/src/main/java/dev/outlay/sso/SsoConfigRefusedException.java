/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import java.util.List;

/** An SSO registration refused as a whole: every fault is listed and nothing was stored. */
public class SsoConfigRefusedException extends RuntimeException {

    private final transient List<SsoFault> faults;

    public SsoConfigRefusedException(String message, List<SsoFault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    public List<SsoFault> faults() {
        return faults;
    }
}
