package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line of local-stack.md and the parameter overrides checked against the real template. */
class LocalStackArgumentsTest {
    private static final Map<String, Map<String, Object>> PARAMETERS =
            Template.load(LocalStack.findProjectDir().resolve("template.yaml"), "eu-central-1").parameters();

    private static LocalStackArguments.Parsed parse(String... args) throws LocalStackArguments.UsageException {
        return LocalStackArguments.parse(List.of(args));
    }

    @Test
    void withoutFlagsTheDocumentedDefaultsApply() throws Exception {
        LocalStackArguments.Parsed parsed = parse();
        assertEquals(3000, parsed.port());
        assertEquals(3001, parsed.lambdaPort());
        assertEquals(8005, parsed.sesPort());
        assertEquals(8080, parsed.webPort());
        assertTrue(parsed.demoData());
        assertEquals(null, parsed.adminToken());
        assertEquals(null, parsed.dataDir());
        assertEquals(Map.of(), parsed.parameterOverrides());
        assertFalse(parsed.help());
    }

    @Test
    void everyFlagOfTheTableIsUnderstood() throws Exception {
        LocalStackArguments.Parsed parsed = parse("--port", "0", "--lambda-port", "3701", "--ses-port", "3702",
                "--web-port", "3703", "--admin-token", "t0k3n", "--no-demo-data", "--data-dir", "build/data",
                "--parameter-overrides", "Stage=prod", "SendConcurrency=10");
        assertEquals(0, parsed.port());
        assertEquals(3701, parsed.lambdaPort());
        assertEquals(3702, parsed.sesPort());
        assertEquals(3703, parsed.webPort());
        assertEquals("t0k3n", parsed.adminToken());
        assertFalse(parsed.demoData());
        assertEquals(Path.of("build/data").toAbsolutePath(), parsed.dataDir());
        assertEquals(Map.of("Stage", "prod", "SendConcurrency", "10"), parsed.parameterOverrides());
    }

    @Test
    void parameterOverridesEndAtTheNextFlag() throws Exception {
        LocalStackArguments.Parsed parsed = parse("--parameter-overrides", "Stage=staging", "--no-demo-data");
        assertEquals(Map.of("Stage", "staging"), parsed.parameterOverrides());
        assertFalse(parsed.demoData());
    }

    @Test
    void parameterOverridesAreReadAsTheSamCliReadsThem() {
        assertEquals(Map.of("Stage", "prod", "SenderEmail", "Shop Team <shop@example.com>", "LinkBaseUrl", "http://x/?a=b"),
                ParameterOverrides.parse(List.of("Stage=prod SenderEmail=\"Shop Team <shop@example.com>\"",
                        "ParameterKey=LinkBaseUrl,ParameterValue=http://x/?a=b")));
    }

    @Test
    void helpIsRecognisedAndTheTableNamesEveryFlagWithItsDefault() throws Exception {
        assertTrue(parse("--help").help());
        assertTrue(parse("--no-demo-data", "--help").help());
        String usage = LocalStackArguments.usage();
        for (String[] row : new String[][] {{"--port N", "3000"}, {"--lambda-port N", "3001"}, {"--ses-port N", "8005"},
                {"--web-port N", "8080"}, {"--admin-token T", "random"}, {"--no-demo-data", "off"},
                {"--data-dir DIR", "in memory"}, {"--parameter-overrides K=V ...", "template defaults"}, {"--help", ""}}) {
            assertTrue(usage.lines().anyMatch(line -> line.trim().startsWith(row[0]) && line.contains(row[1])),
                    row[0] + " missing from:\n" + usage);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--verbose", "--port|abc", "--port|70000", "--port|-1", "--port", "--lambda-port|--no-demo-data",
            "--admin-token|two words", "--admin-token|", "--parameter-overrides", "--parameter-overrides|--no-demo-data",
            "--parameter-overrides|Stage", "--parameter-overrides|=prod", "--data-dir"})
    void badCommandLinesAreUsageErrors(String joined) {
        String[] args = joined.split("\\|", -1);
        assertThrows(LocalStackArguments.UsageException.class, () -> LocalStackArguments.parse(List.of(args)));
    }

    @Test
    void overridesThatFitTheTemplateHaveNoProblems() {
        assertEquals(List.of(), ParameterOverrides.problems(PARAMETERS, Map.of("Stage", "prod", "SendConcurrency", "50",
                "LogRetentionDays", "14", "LinkBaseUrl", "http://localhost:3000")));
    }

    @Test
    void overridesThatBreakTheTemplatesConstraintsAreEachReported() {
        Map<String, String> broken = new java.util.LinkedHashMap<>();
        broken.put("Stage", "qa");                  // AllowedValues
        broken.put("SendConcurrency", "0");         // MinValue
        broken.put("LogRetentionDays", "2");        // AllowedValues of a Number
        broken.put("NoSuchParameter", "x");         // unknown name
        List<String> problems = ParameterOverrides.problems(PARAMETERS, broken);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Stage=qa") && problems.get(0).contains("[dev, staging, prod]"), problems.get(0));
        assertTrue(problems.get(1).contains("at least 1"), problems.get(1));
        assertTrue(problems.get(3).contains("unknown template parameter NoSuchParameter"), problems.get(3));
        assertTrue(ParameterOverrides.problems(PARAMETERS, Map.of("SendConcurrency", "51")).get(0).contains("at most 50"));
        assertTrue(ParameterOverrides.problems(PARAMETERS, Map.of("SendConcurrency", "eight")).get(0)
                .contains("must be a number"));
    }

    @Test
    void patternsAndLengthsAreCheckedToo() {
        Map<String, Map<String, Object>> parameters = Map.of("Code", Map.of("Type", "String",
                "AllowedPattern", "[a-z]+", "MinLength", 2, "MaxLength", 4));
        assertEquals(List.of(), ParameterOverrides.problems(parameters, Map.of("Code", "abc")));
        assertTrue(ParameterOverrides.problems(parameters, Map.of("Code", "ab1")).get(0).contains("must match [a-z]+"));
        assertTrue(ParameterOverrides.problems(parameters, Map.of("Code", "a")).get(0).contains("at least 2"));
        assertTrue(ParameterOverrides.problems(parameters, Map.of("Code", "abcde")).get(0).contains("at most 4"));
    }
}
