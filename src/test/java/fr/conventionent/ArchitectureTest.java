package fr.conventionent;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house stays easy to extend: the kernel at the bottom, the infrastructure above it, the features above both,
 * and no cycle between the packages under {@code fr.conventionent}. A feature tells another what happened by a
 * Spring application event or a BPMN message, so adding one never needs an import going back down.
 */
@AnalyzeClasses(packages = "fr.conventionent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String KERNEL = "fr.conventionent.kernel..";
    private static final String[] INFRASTRUCTURE = {KERNEL, "fr.conventionent.config..", "fr.conventionent.identity..",
            "fr.conventionent.notification..", "fr.conventionent.document.."};

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().matching("fr.conventionent.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule kernelImportsNothingOfOurs = noClasses().that().resideInAPackage(KERNEL).should()
            .dependOnClassesThat(resideInAPackage("fr.conventionent..").and(not(resideInAPackage(KERNEL))));

    @ArchTest
    static final ArchRule infrastructureKnowsNoFeature = classes().that().resideInAnyPackage(INFRASTRUCTURE).should()
            .onlyDependOnClassesThat(not(resideInAPackage("fr.conventionent..")).or(resideInAnyPackage(INFRASTRUCTURE)));
}
