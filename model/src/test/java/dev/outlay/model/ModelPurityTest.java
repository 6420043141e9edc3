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
