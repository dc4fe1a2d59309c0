package io.shopcare.returns.label;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The label's domain and rendering are plain Java; AWS, Lambda and HTTP stay in its {@code aws} package. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.shopcare.returns");
    }

    @Test
    void theDomainAndTheRenderingKnowNoAwsNoLambdaAndNoHttp() {
        noClasses().that().resideOutsideOfPackage("..aws..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "io.shopcare.http..", "io.shopcare.lambda..", "io.shopcare.clients..", "..aws..")
                .check(classes);
    }

    @Test
    void handlersLiveAtTheEdge() {
        classes().that().implement(RequestHandler.class).should().resideInAPackage("..aws..").check(classes);
    }
}
