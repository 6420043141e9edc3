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
package dev.outlay.model;

/** FOCUS 1.2 ServiceCategory (allowed values of the 1.2 requirements model). */
public enum ServiceCategory implements FocusValue {
    AI_AND_MACHINE_LEARNING("AI and Machine Learning"),
    ANALYTICS("Analytics"),
    BUSINESS_APPLICATIONS("Business Applications"),
    COMPUTE("Compute"),
    DATABASES("Databases"),
    DEVELOPER_TOOLS("Developer Tools"),
    MULTICLOUD("Multicloud"),
    IDENTITY("Identity"),
    INTEGRATION("Integration"),
    INTERNET_OF_THINGS("Internet of Things"),
    MANAGEMENT_AND_GOVERNANCE("Management and Governance"),
    MEDIA("Media"),
    MIGRATION("Migration"),
    MOBILE("Mobile"),
    NETWORKING("Networking"),
    SECURITY("Security"),
    STORAGE("Storage"),
    WEB("Web"),
    OTHER("Other");

    private final String focusValue;

    ServiceCategory(String focusValue) {
        this.focusValue = focusValue;
    }

    @Override
    public String focusValue() {
        return focusValue;
    }

    public static ServiceCategory parse(String text) {
        return FocusValue.parse(ServiceCategory.class, text);
    }
}
