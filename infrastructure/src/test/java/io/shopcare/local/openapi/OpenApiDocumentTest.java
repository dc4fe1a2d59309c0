package io.shopcare.local.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * openapi.yaml is a valid OpenAPI 3.0 document (by the python openapi-spec-validator), names no
 * file outside the repository, has examples that fit their schemas, and documents the contract's
 * errors on every operation. Each check is shown to catch a broken copy.
 */
class OpenApiDocumentTest {
    private static final Path DOCUMENT = OpenApiDocument.projectFile();
    /** A file name or relative path the document mentions: it has to be in the repository. */
    private static final Pattern FILE_REFERENCE =
            Pattern.compile("(?<![\\w/.:-])((?:\\.{1,2}/)*[\\w-]+(?:[./][\\w-]+)*\\.(?:md|ya?ml|json))(?![\\w/])");
    private static final JsonNode NOT_AN_ERROR = new ObjectMapper().createObjectNode().put("status", "ACTIVE");

    /** The project document and three broken copies, validated in one run of the python validator. */
    private static List<PythonOpenApiValidator.Verdict> verdicts;

    @BeforeAll
    static void validateTheDocumentAndItsBrokenCopies(@TempDir Path dir) {
        String document = read(DOCUMENT);
        // The document's own former trap: inside { ... } the commas of "(en, cs, fr, uk)" end the
        // description and turn "cs", "fr" and "uk)." into keys of the parameter.
        String flowMappingSplit = replaceBlock(document, "    AcceptLanguage:\n", "    IdempotencyKey:\n",
                "    AcceptLanguage: { name: Accept-Language, in: header, description: Picks the e-mail language"
                        + " (en, cs, fr, uk)., schema: { type: string } }\n");
        String missingFile = replaceFirst(document, "$ref: '#/components/schemas/Money'", "$ref: 'money.yaml#/Money'");
        String missingSchema = document.replace("#/components/schemas/Money'", "#/components/schemas/Mony'");
        verdicts = PythonOpenApiValidator.validate(List.of(DOCUMENT, write(dir.resolve("split"), flowMappingSplit),
                write(dir.resolve("file"), missingFile), write(dir.resolve("schema"), missingSchema)));
    }

    @Test
    void theOpenApiValidatorAcceptsTheProjectDocument() {
        assertTrue(verdicts.get(0).valid(), verdicts.get(0).output());
    }

    @Test
    void aDescriptionWhoseCommasSplitAYamlFlowMappingIsRejected() {
        PythonOpenApiValidator.Verdict verdict = verdicts.get(1);
        assertFalse(verdict.valid(), verdict.output());
        assertTrue(verdict.output().contains("'uk).'"), verdict.output());
    }

    @Test
    void aReferenceToAFileThatDoesNotExistIsRejected() {
        PythonOpenApiValidator.Verdict verdict = verdicts.get(2);
        assertFalse(verdict.valid(), verdict.output());
        assertTrue(verdict.output().contains("money.yaml"), verdict.output());
    }

    @Test
    void aReferenceToNothingInsideTheDocumentIsRejected() {
        PythonOpenApiValidator.Verdict verdict = verdicts.get(3);
        assertFalse(verdict.valid(), verdict.output());
        assertTrue(verdict.output().contains("/components/schemas/Mony"), verdict.output());
    }

    @Test
    void everyFileTheDocumentNamesIsInTheRepository(@TempDir Path dir) {
        assertEquals(List.of(), filesNotInTheRepository(read(DOCUMENT), DOCUMENT.getParent()));
        assertTrue(FILE_REFERENCE.matcher(read(DOCUMENT)).find(), "the document names template.yaml");

        // The contract lives beside the repository, not in it: a link to it dangles for every reader.
        String broken = replaceFirst(read(DOCUMENT), "The HTTP API of Shopcare:",
                "The HTTP API of Shopcare (../shared/storefront-api.md):");
        assertEquals(List.of("../shared/storefront-api.md"), filesNotInTheRepository(broken, DOCUMENT.getParent()));
    }

    @Test
    void everyExampleFitsItsSchema(@TempDir Path dir) {
        OpenApiDocument document = OpenApiDocument.load(DOCUMENT);
        assertEquals(List.of(), exampleProblems(document));
        assertTrue(countExamples(document.root()) >= 20, "the main answers have examples");

        String broken = replaceFirst(read(DOCUMENT), "unitsLeft: 2\n", "unitsLeft: 0\n");
        List<String> problems = exampleProblems(OpenApiDocument.load(write(dir, broken)));
        assertTrue(problems.stream().anyMatch(p -> p.contains("unitsLeft")), problems.toString());
    }

    @Test
    void everyOperationDocumentsTheContractsErrors(@TempDir Path dir) {
        assertEquals(List.of(), missingErrors(OpenApiDocument.load(DOCUMENT)));

        String broken = replaceFirst(read(DOCUMENT), "        '415':\n          $ref: '#/components/responses/NotJson'\n", "");
        assertEquals(List.of("PUT /admin/locations/{locationId} does not document 415"),
                missingErrors(OpenApiDocument.load(write(dir, broken))));
    }

    @Test
    void anUnquotedDateIsReportedInsteadOfBecomingATimestamp(@TempDir Path dir) {
        String broken = replaceFirst(read(DOCUMENT), "expectedDate: '2027-02-01'", "expectedDate: 2027-02-01");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> OpenApiDocument.load(write(dir, broken)));
        assertTrue(error.getMessage().contains("/expectedDate is a YAML Date"), error.getMessage());
    }

    @Test
    void noReferenceCarriesSiblingsThatOpenApiToolsWouldIgnore(@TempDir Path dir) {
        assertEquals(List.of(), referencesWithSiblings(OpenApiDocument.load(DOCUMENT)));

        String broken = replaceFirst(read(DOCUMENT), "          allOf:\n            - $ref: '#/components/schemas/Name'\n"
                + "          description: Absent when the variant has no size.\n",
                "          $ref: '#/components/schemas/Name'\n          description: Absent when the variant has no size.\n");
        assertEquals(List.of("/components/schemas/VariantAvailability/properties/size"),
                referencesWithSiblings(OpenApiDocument.load(write(dir, broken))));
    }

    // ------------------------------------------------------------------ checks

    /** In OpenAPI 3.0 everything beside a $ref is ignored: a description or constraint there is silently lost. */
    static List<String> referencesWithSiblings(OpenApiDocument document) {
        List<String> found = new ArrayList<>();
        forEachNode(new OpenApiDocument.Located("", document.root()), located -> {
            if (located.node().isObject() && located.node().has("$ref") && located.node().size() > 1) {
                found.add(located.pointer());
            }
        });
        return found;
    }

    static List<String> filesNotInTheRepository(String text, Path repository) {
        Set<String> missing = new TreeSet<>();
        Matcher matcher = FILE_REFERENCE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            Path file = repository.resolve(name).normalize();
            if (!file.startsWith(repository) || !Files.isRegularFile(file)) {
                missing.add(name);
            }
        }
        return List.copyOf(missing);
    }

    /** Every example validated: of media types and parameters against the schema beside it, of schemas against themselves. */
    static List<String> exampleProblems(OpenApiDocument document) {
        ResponseValidator validator = new ResponseValidator(document);
        List<String> problems = new ArrayList<>();
        forEachNode(new OpenApiDocument.Located("", document.root()), located -> {
            JsonNode node = located.node();
            if (node.has("example") && node.path("type").isTextual() && !node.has("schema")) {
                for (String problem : validator.problems(located, node.get("example"))) {
                    problems.add(located.pointer() + ": " + problem);
                }
            }
            if (!node.has("schema") || !node.get("schema").isObject()) {
                return;
            }
            List<JsonNode> examples = new ArrayList<>();
            if (node.has("example")) {
                examples.add(node.get("example"));
            }
            node.path("examples").forEach(e -> examples.add(e.path("value")));
            for (JsonNode example : examples) {
                for (String problem : validator.problems(located.child("schema"), example)) {
                    problems.add(located.pointer() + ": " + problem);
                }
            }
        });
        return problems;
    }

    /**
     * The contract's error statuses each operation must document: 400 and 429 everywhere; 413 and
     * 415 with a JSON body; 401 (local token) and 403 (AWS authorizer) on admin routes; 409 and 422
     * with an Idempotency-Key. Every 4xx is an error body with an example, every 2xx JSON answer
     * has an example.
     */
    static List<String> missingErrors(OpenApiDocument document) {
        ResponseValidator validator = new ResponseValidator(document);
        List<String> problems = new ArrayList<>();
        for (OpenApiDocument.Operation operation : document.operations()) {
            JsonNode node = operation.node().node();
            Set<String> required = new TreeSet<>(List.of("400", "429"));
            if (node.path("requestBody").path("content").has("application/json")) {
                required.addAll(List.of("413", "415"));
            }
            if (node.path("security").toString().contains("adminBearer")) {
                required.addAll(List.of("401", "403"));
            }
            for (JsonNode parameter : node.path("parameters")) {
                JsonNode resolved = document.resolve(new OpenApiDocument.Located("", parameter)).node();
                if ("Idempotency-Key".equalsIgnoreCase(resolved.path("name").asText())) {
                    required.addAll(List.of("409", "422"));
                }
            }
            for (String status : required) {
                if (!node.path("responses").has(status)) {
                    problems.add(operation.name() + " does not document " + status);
                }
            }
            for (Iterator<String> statuses = node.path("responses").fieldNames(); statuses.hasNext(); ) {
                String status = statuses.next();
                OpenApiDocument.Located response = document.response(operation, Integer.parseInt(status)).orElseThrow();
                OpenApiDocument.Located json = response.child("content").child("application/json");
                boolean hasExample = json.node().has("example") || json.node().has("examples");
                if (status.startsWith("4")) {
                    if (!hasExample) {
                        problems.add(operation.name() + " " + status + " has no JSON error example");
                    } else if (validator.problems(json.child("schema"), NOT_AN_ERROR).isEmpty()) {
                        problems.add(operation.name() + " " + status + " accepts a body that is no error");
                    }
                } else if (status.startsWith("2") && json.node().isObject() && !hasExample) {
                    problems.add(operation.name() + " " + status + " has no example");
                }
            }
        }
        return problems;
    }

    private static int countExamples(JsonNode root) {
        int[] count = {0};
        forEachNode(new OpenApiDocument.Located("", root), located -> {
            if (located.node().has("schema") && (located.node().has("example") || located.node().has("examples"))) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static void forEachNode(OpenApiDocument.Located located, java.util.function.Consumer<OpenApiDocument.Located> action) {
        if (!located.node().isContainerNode()) {
            return;
        }
        action.accept(located);
        if (located.node().isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = located.node().fields(); fields.hasNext(); ) {
                String name = fields.next().getKey();
                if (!name.equals("example") && !name.equals("examples")) {
                    forEachNode(located.child(name), action);
                }
            }
        } else {
            for (int i = 0; i < located.node().size(); i++) {
                forEachNode(new OpenApiDocument.Located(located.pointer() + "/" + i, located.node().get(i)), action);
            }
        }
    }

    // ------------------------------------------------------------------ broken copies

    private static String replaceFirst(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0, "fixture text not in openapi.yaml: " + from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    private static String replaceBlock(String text, String start, String next, String replacement) {
        int from = text.indexOf(start);
        int to = text.indexOf(next, from);
        assertTrue(from >= 0 && to > from, "fixture block not in openapi.yaml: " + start);
        return text.substring(0, from) + replacement + text.substring(to);
    }

    private static Path write(Path dir, String text) {
        try {
            return Files.writeString(Files.createDirectories(dir).resolve("openapi.yaml"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
