/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An issuer is an identity provider on the internet, not a service inside the installation's network: a host that
 * resolves to a loopback, link-local (cloud metadata), private or multicast address is refused, or a tenant admin
 * could make the service fetch internal URLs (the discovery document names further URLs, checked the same way).
 */
final class IssuerAddresses {

    private IssuerAddresses() {
    }

    /** Why the host is refused, or empty when it is public or cannot be resolved now. */
    static Optional<String> refusal(String host) {
        if (host == null) return Optional.of("has no host");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                    || a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc) {
                return Optional.of("resolves to a non-public address (" + a.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }
}
