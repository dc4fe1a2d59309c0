package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every function gets only what it calls: each (function, action, resource) that template.yaml
 * grants must have been used by some test of this build, as local IAM recorded it in
 * {@code target/iam-usage.json} (the surefire tests run first in {@code verify}). Grants Lambda
 * itself uses for the function's configuration (sending failed stream records to the on-failure
 * destination) count as used; grants on services whose calls the local stack cannot attribute to
 * a function are listed, not failed.
 */
class IamGrantsIT {
    /** Services whose calls reach local IAM with the calling function known. */
    private static final Set<String> OBSERVED = Set.of("dynamodb", "ses");

    @Test
    void everyGrantOfTheTemplateIsUsedByATest() {
        Path file = Path.of(System.getProperty(IamUsage.FILE_PROPERTY));
        assertTrue(Files.exists(file), "no IAM usage was recorded (" + file + "): run the tests of this build first, "
                + "e.g. mvn verify");
        Map<String, Object> recorded = IamUsage.read(file);
        assertEquals(System.getProperty(IamUsage.BUILD_PROPERTY), recorded.get("build"),
                "the IAM usage in " + file + " is from another build: run the tests of this build first");
        Set<IamUsage.Use> uses = IamUsage.uses(recorded);

        Template template = Template.load(LocalStack.findProjectDir().resolve("template.yaml"), LocalStack.REGION);
        List<String> unused = new ArrayList<>();
        List<String> unobservable = new ArrayList<>();
        for (Template.Function function : template.functions()) {
            String name = function.logicalId();
            IamPolicy policy = IamPolicy.fromTemplate(name, template.policies(name), LocalStack.REGION, LocalStack.ACCOUNT);
            for (IamPolicy.Statement statement : policy.statements()) {
                if (!statement.allow()) {
                    continue;
                }
                for (String action : statement.actions()) {
                    for (String resource : statement.resources()) {
                        if (usedByLambdaItself(function, action, resource)) {
                            continue;
                        }
                        boolean used = uses.stream().anyMatch(u -> u.function().equals(name)
                                && IamPolicy.glob(action, u.action(), true) && IamPolicy.glob(resource, u.resource(), false));
                        if (!used) {
                            String grant = name + " " + action + " " + resource;
                            (OBSERVED.contains(action.substring(0, action.indexOf(':'))) ? unused : unobservable).add(grant);
                        }
                    }
                }
            }
        }
        if (!unobservable.isEmpty()) {
            System.out.println("Grants the local stack cannot see used (calls not made through a checked SDK client):\n  "
                    + String.join("\n  ", unobservable));
        }
        assertEquals(List.of(), unused, "template.yaml grants these, but no test used them (function action resource):\n  "
                + String.join("\n  ", unused) + "\n");
    }

    /** Lambda sends a stream source's failed records to its on-failure destination with the function's role. */
    private static boolean usedByLambdaItself(Template.Function function, String action, String resource) {
        return IamPolicy.glob(action, "sqs:SendMessage", true) && function.streams().stream()
                .anyMatch(s -> s.onFailure() != null && IamPolicy.glob(resource, s.onFailure(), false));
    }
}
