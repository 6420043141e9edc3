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

/** What a classified usage quantity measures, and its canonical unit. */
public enum UsageKind {
    /** vCPU-hours. */
    COMPUTE,
    /** Terabyte-hours on solid-state media (replication applied). */
    STORAGE_SSD,
    /** Terabyte-hours on hard disks (replication applied). */
    STORAGE_HDD,
    /** Gigabytes moved between the provider's data centres. */
    NETWORK,
    /** Gigabyte-hours of memory billed on their own (e.g. Fargate). */
    MEMORY,
    /** GPU-hours of an accelerated instance (hours × its GPUs); never a line's own kind, always beside its compute. */
    GPU
}
