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

/**
 * An instance type's vCPU count and processor microarchitecture (a key of the provider's architectures, or null),
 * and for accelerated types its GPU count and model (a key of the provider's {@code gpuModels}); both null on a type
 * without GPUs, so a set written before GPUs were counted reads, and hashes, as it did.
 */
public record InstanceShape(int vcpus, String architecture, Integer gpus, String gpuModel) {

    public InstanceShape(int vcpus, String architecture) {
        this(vcpus, architecture, null, null);
    }

    /** True when the type carries GPUs the method should count. */
    public boolean accelerated() {
        return gpus != null && gpus > 0;
    }
}
