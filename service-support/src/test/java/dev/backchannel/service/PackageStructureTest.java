package dev.backchannel.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared pieces stay apart from each other and from every service. */
@AnalyzeClasses(packages = "dev.backchannel.service", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.backchannel.service.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule knowsNoService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.backchannel.api..", "dev.backchannel.processor..",
                    "dev.backchannel.gateway..");
}
