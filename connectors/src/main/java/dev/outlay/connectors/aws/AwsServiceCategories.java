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
package dev.outlay.connectors.aws;

import dev.outlay.model.ServiceCategory;

import java.util.Map;

/** AWS product codes → FOCUS ServiceCategory (the common services; unknown codes are Other and flagged). */
final class AwsServiceCategories {

    private static final Map<String, ServiceCategory> BY_CODE = Map.ofEntries(
            Map.entry("AmazonEC2", ServiceCategory.COMPUTE),
            Map.entry("AWSLambda", ServiceCategory.COMPUTE),
            Map.entry("AmazonECS", ServiceCategory.COMPUTE),
            Map.entry("AmazonEKS", ServiceCategory.COMPUTE),
            Map.entry("AWSFargate", ServiceCategory.COMPUTE),
            Map.entry("AmazonLightsail", ServiceCategory.COMPUTE),
            Map.entry("ComputeSavingsPlans", ServiceCategory.COMPUTE),
            Map.entry("AmazonS3", ServiceCategory.STORAGE),
            Map.entry("AmazonS3GlacierDeepArchive", ServiceCategory.STORAGE),
            Map.entry("AmazonGlacier", ServiceCategory.STORAGE),
            Map.entry("AmazonEFS", ServiceCategory.STORAGE),
            Map.entry("AWSBackup", ServiceCategory.STORAGE),
            Map.entry("AmazonRDS", ServiceCategory.DATABASES),
            Map.entry("AmazonDynamoDB", ServiceCategory.DATABASES),
            Map.entry("AmazonElastiCache", ServiceCategory.DATABASES),
            Map.entry("AmazonRedshift", ServiceCategory.ANALYTICS),
            Map.entry("AmazonAthena", ServiceCategory.ANALYTICS),
            Map.entry("AWSGlue", ServiceCategory.ANALYTICS),
            Map.entry("AmazonKinesis", ServiceCategory.ANALYTICS),
            Map.entry("AmazonES", ServiceCategory.ANALYTICS),
            Map.entry("AmazonQuickSight", ServiceCategory.ANALYTICS),
            Map.entry("AmazonVPC", ServiceCategory.NETWORKING),
            Map.entry("AmazonCloudFront", ServiceCategory.NETWORKING),
            Map.entry("AmazonRoute53", ServiceCategory.NETWORKING),
            Map.entry("AWSELB", ServiceCategory.NETWORKING),
            Map.entry("AWSDataTransfer", ServiceCategory.NETWORKING),
            Map.entry("AmazonApiGateway", ServiceCategory.WEB),
            Map.entry("AmazonSNS", ServiceCategory.INTEGRATION),
            Map.entry("AWSQueueService", ServiceCategory.INTEGRATION),
            Map.entry("AmazonSQS", ServiceCategory.INTEGRATION),
            Map.entry("AWSEvents", ServiceCategory.INTEGRATION),
            Map.entry("AmazonStates", ServiceCategory.INTEGRATION),
            Map.entry("AmazonCloudWatch", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("AWSCloudTrail", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("AWSConfig", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("AWSCostExplorer", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("AWSSystemsManager", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("OCBPremiumSupport", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("AWSSupportBusiness", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("AWSSupportEnterprise", ServiceCategory.MANAGEMENT_AND_GOVERNANCE),
            Map.entry("awskms", ServiceCategory.SECURITY),
            Map.entry("AWSSecretsManager", ServiceCategory.SECURITY),
            Map.entry("AmazonGuardDuty", ServiceCategory.SECURITY),
            Map.entry("AWSWAF", ServiceCategory.SECURITY),
            Map.entry("AWSSecurityHub", ServiceCategory.SECURITY),
            Map.entry("AmazonInspector", ServiceCategory.SECURITY),
            Map.entry("AmazonCognito", ServiceCategory.IDENTITY),
            Map.entry("AWSDirectoryService", ServiceCategory.IDENTITY),
            Map.entry("AmazonSageMaker", ServiceCategory.AI_AND_MACHINE_LEARNING),
            Map.entry("AmazonBedrock", ServiceCategory.AI_AND_MACHINE_LEARNING),
            Map.entry("AmazonRekognition", ServiceCategory.AI_AND_MACHINE_LEARNING),
            Map.entry("AWSCodePipeline", ServiceCategory.DEVELOPER_TOOLS),
            Map.entry("AWSCodeBuild", ServiceCategory.DEVELOPER_TOOLS),
            Map.entry("AWSCodeCommit", ServiceCategory.DEVELOPER_TOOLS),
            Map.entry("AmazonECR", ServiceCategory.DEVELOPER_TOOLS),
            Map.entry("AWSIoT", ServiceCategory.INTERNET_OF_THINGS),
            Map.entry("AWSDatabaseMigrationSvc", ServiceCategory.MIGRATION),
            Map.entry("AmazonWorkSpaces", ServiceCategory.BUSINESS_APPLICATIONS),
            Map.entry("AmazonSES", ServiceCategory.BUSINESS_APPLICATIONS),
            Map.entry("AWSAmplify", ServiceCategory.MOBILE),
            Map.entry("AWSElementalMediaConvert", ServiceCategory.MEDIA));

    private AwsServiceCategories() {
    }

    /** Null when the code is unknown. */
    static ServiceCategory of(String productCode) {
        return productCode == null ? null : BY_CODE.get(productCode);
    }
}
