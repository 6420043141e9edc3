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

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The canonical model stays plain Java: no framework, persistence, rule-engine or vendor SDK types. */
class ModelPurityTest {

    @Test
    void modelDependsOnNoFrameworkOrVendorType() {
        JavaClasses model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.outlay.model");
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.quarkus..", "jakarta..", "javax.persistence..", "org.hibernate..", "org.kie..", "org.drools..",
                "org.jbpm..", "software.amazon..", "com.azure..", "com.google.cloud..", "com.fasterxml..",
                "io.smallrye..", "org.eclipse.microprofile..", "org.postgresql..")
                .allowEmptyShould(true);
        rule.check(model);
    }
}
