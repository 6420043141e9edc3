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
/**
 * Carbon estimates, plain Java: ledger usage (quantity, unit, service, usage type, region) classified into compute,
 * storage, networking and memory usage and turned into kWh and kgCO2e with the Cloud Carbon Footprint method and a
 * versioned {@link dev.outlay.carbon.FactorSet}. Usage the method cannot classify is returned as unestimated, with
 * its cost, never as zero. No framework, no I/O: the caller reads the ledger and stores factor sets.
 */
package dev.outlay.carbon;
