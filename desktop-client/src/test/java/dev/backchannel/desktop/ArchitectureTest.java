package dev.backchannel.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * View and logic apart: a view model holds state and logic as JavaFX properties and never touches
 * the scene graph (so it is tested without a window); the packages depend on each other one way only.
 */
@AnalyzeClasses(packages = "dev.backchannel.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsNeverTouchTheScene = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.backchannel.desktop.(*)..")
            .should().beFreeOfCycles();
}
