package io.shopcare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps as it grows: each capability's domain is plain Java, and everything
 * that speaks AWS or HTTP sits at the edge (a capability's {@code aws} package, or the shared
 * {@code http}, {@code dynamo}, {@code clients}, {@code streams}, {@code lambda} and {@code config} packages).
 */
class ArchitectureTest {
    /** Packages that are the edge: AWS types, Lambda types and HTTP belong here and only here. */
    private static final String[] EDGE = {"..aws..", "io.shopcare.http..", "io.shopcare.dynamo..",
            "io.shopcare.clients..", "io.shopcare.streams..", "io.shopcare.lambda..", "io.shopcare.config.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.shopcare");
    }

    @Test
    void theDomainKnowsNoAwsNoLambdaAndNoHttp() {
        noClasses().that().resideOutsideOfPackages(EDGE)
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .orShould().dependOnClassesThat().resideInAnyPackage(EDGE)
                .because("domain services report outcomes in their own terms; the edge maps them")
                .check(classes);
    }

    @Test
    void capabilitiesDependOnEachOtherWithoutCycles() {
        slices().matching("io.shopcare.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void handlersLiveAtTheEdge() {
        classes().that().implement(RequestHandler.class).should()
                .resideInAnyPackage("..aws..", "io.shopcare.http..", "io.shopcare.streams..")
                .check(classes);
    }
}
