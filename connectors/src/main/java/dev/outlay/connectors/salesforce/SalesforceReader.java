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
package dev.outlay.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SeatSubscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Salesforce org's licence seats with SOQL: {@code UserLicense} and {@code PermissionSetLicense}
 * ({@code TotalLicenses} bought, {@code UsedLicenses} assigned; {@code Disabled} ones skipped), active users per user
 * licence (logged in within 30 days) and their departments, from aggregate queries over {@code User}. Permission set
 * licences carry no activity here (null: not judged for unused seats).
 */
public final class SalesforceReader {

    static final String ORG = "SELECT Id, Name FROM Organization";
    static final String USER_LICENSES = "SELECT Id, Name, MasterLabel, Status, TotalLicenses, UsedLicenses FROM UserLicense";
    static final String PERMSET_LICENSES = "SELECT Id, DeveloperName, MasterLabel, Status, TotalLicenses, UsedLicenses FROM PermissionSetLicense";
    static final String ACTIVE = "SELECT Profile.UserLicenseId, COUNT(Id) FROM User WHERE IsActive = true AND LastLoginDate = LAST_N_DAYS:30 GROUP BY Profile.UserLicenseId";
    static final String DEPARTMENTS = "SELECT Profile.UserLicenseId, Department, COUNT(Id) FROM User WHERE IsActive = true GROUP BY Profile.UserLicenseId, Department";

    private final SalesforceConfig config;
    private final SaasHttp http;

    public SalesforceReader(SalesforceConfig config, SaasHttp http) {
        this.config = config;
        this.http = http;
    }

    public SalesforceSnapshot read() {
        SoqlClient soql = new SoqlClient(config, http);
        List<JsonNode> org = soql.query(ORG, "Organization");
        if (org.isEmpty()) throw SoqlFields.fault("Organization", 0, "Id", "no Organization record");
        String orgId = SoqlFields.required(org.get(0), "Id", "Organization", 0);
        String orgName = SoqlFields.text(org.get(0), "Name");
        Map<String, Long> active = new HashMap<>();
        List<JsonNode> activeRows = soql.query(ACTIVE, "active users");
        for (int i = 0; i < activeRows.size(); i++) {
            JsonNode r = activeRows.get(i);
            String licence = SoqlFields.text(r, "UserLicenseId");
            if (licence != null) active.merge(licence, SoqlFields.count(r, "expr0", "active users", i), Long::sum);
        }
        Map<String, Map<String, Long>> departments = new HashMap<>();
        List<JsonNode> deptRows = soql.query(DEPARTMENTS, "departments");
        for (int i = 0; i < deptRows.size(); i++) {
            JsonNode r = deptRows.get(i);
            String licence = SoqlFields.text(r, "UserLicenseId");
            String department = SoqlFields.text(r, "Department");
            if (licence != null && department != null) {
                departments.computeIfAbsent(licence, k -> new TreeMap<>()).merge(department, SoqlFields.count(r, "expr0", "departments", i), Long::sum);
            }
        }
        List<SeatSubscription> out = new ArrayList<>();
        List<JsonNode> users = soql.query(USER_LICENSES, "UserLicense");
        for (int i = 0; i < users.size(); i++) {
            JsonNode r = users.get(i);
            if ("Disabled".equalsIgnoreCase(SoqlFields.text(r, "Status"))) continue;
            String id = SoqlFields.required(r, "Id", "UserLicense", i);
            String name = SoqlFields.required(r, "Name", "UserLicense", i);
            String label = SoqlFields.text(r, "MasterLabel");
            out.add(new SeatSubscription(name, id, label == null ? name : label, SoqlFields.count(r, "TotalLicenses", "UserLicense", i),
                    SoqlFields.count(r, "UsedLicenses", "UserLicense", i), active.getOrDefault(id, 0L),
                    new TreeMap<>(departments.getOrDefault(id, Map.of()))));
        }
        List<JsonNode> psls = soql.query(PERMSET_LICENSES, "PermissionSetLicense");
        for (int i = 0; i < psls.size(); i++) {
            JsonNode r = psls.get(i);
            if ("Disabled".equalsIgnoreCase(SoqlFields.text(r, "Status"))) continue;
            String id = SoqlFields.required(r, "Id", "PermissionSetLicense", i);
            String name = SoqlFields.required(r, "DeveloperName", "PermissionSetLicense", i);
            String label = SoqlFields.text(r, "MasterLabel");
            out.add(new SeatSubscription(name, id, label == null ? name : label, SoqlFields.count(r, "TotalLicenses", "PermissionSetLicense", i),
                    SoqlFields.count(r, "UsedLicenses", "PermissionSetLicense", i), null, new TreeMap<>()));
        }
        return new SalesforceSnapshot(orgId, orgName == null ? orgId : orgName, out);
    }
}
