package dev.backchannel.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway meets the other services only on the broker and in the contract: it imports none of them. */
@AnalyzeClasses(packages = "dev.backchannel.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ServiceBoundariesTest {

    @ArchTest
    static final ArchRule knowsNoOtherService = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.backchannel.api..", "dev.backchannel.processor..");
}
