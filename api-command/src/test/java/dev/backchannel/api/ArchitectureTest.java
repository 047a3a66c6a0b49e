package dev.backchannel.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** api-command's structure: its packages depend on each other one way only, and it knows no other service. */
@AnalyzeClasses(packages = "dev.backchannel.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.backchannel.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule knowsNoOtherService = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.backchannel.processor..", "dev.backchannel.gateway..");
}
