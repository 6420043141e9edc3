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
package dev.outlay.carbon;

/** Why a usage line has no estimate; reported with its rows and cost. */
public enum Unestimated {
    /** The provider is not in the factor set (SaaS vendors, an unlisted cloud). */
    PROVIDER_NOT_COVERED,
    /** Instance hours whose instance type the factor set does not list. */
    INSTANCE_TYPE_UNKNOWN,
    /** Storage billed per GB-month whose medium (SSD or HDD) the usage does not tell. */
    STORAGE_MEDIUM_UNKNOWN,
    /**
     * Data transfer to the internet or a CDN edge: the method's networking coefficient is for traffic between the
     * provider's own data centres only.
     */
    TRANSFER_OUTSIDE_PROVIDER_NETWORK,
    /** A quantity without a unit, or a unit the method has no coefficient for (requests, IP-hours, ...). */
    UNCLASSIFIED
}
