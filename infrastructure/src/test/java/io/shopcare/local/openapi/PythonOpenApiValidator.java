package io.shopcare.local.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The python {@code openapi-spec-validator} (0.9, installed on every machine of the project and
 * in CI), run on files: the OpenAPI 3.0 meta-schema plus every {@code $ref}, local or to other
 * files, resolved. Several files share one interpreter: importing the validator is most of a run.
 */
final class PythonOpenApiValidator {
    /** One JSON line per file, in order: {"valid": true|false, "output": "VALID" or "INVALID <error type>: <message>"}. */
    private static final String SCRIPT = """
            import json, sys
            from openapi_spec_validator import validate
            from openapi_spec_validator.readers import read_from_filename
            for name in sys.argv[1:]:
                try:
                    spec, base_uri = read_from_filename(name)
                    validate(spec, base_uri=base_uri)
                    verdict = {"valid": True, "output": "VALID"}
                except Exception as e:
                    verdict = {"valid": False, "output": "INVALID " + type(e).__name__ + ": " + str(e)[:2000]}
                print("VERDICT " + json.dumps(verdict), flush=True)
            """;
    private static final long GIVE_UP_MINUTES = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the validator said about a file. */
    record Verdict(boolean valid, String output) {
    }

    private PythonOpenApiValidator() {
    }

    /** The verdicts on {@code files}, in their order, from one run of the validator. */
    static List<Verdict> validate(List<Path> files) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", SCRIPT));
        files.forEach(file -> command.add(file.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("python3 is needed to validate openapi.yaml (openapi-spec-validator 0.9)", e);
        }
        try {
            // A guard against a hung interpreter, not a speed claim: it answers in about a second.
            if (!process.waitFor(GIVE_UP_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("openapi-spec-validator did not finish within " + GIVE_UP_MINUTES + " minutes");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            List<Verdict> verdicts = new ArrayList<>();
            for (String line : output.lines().filter(l -> l.startsWith("VERDICT ")).toList()) {
                JsonNode verdict = JSON.readTree(line.substring("VERDICT ".length()));
                verdicts.add(new Verdict(verdict.path("valid").asBoolean(), verdict.path("output").asText()));
            }
            if (process.exitValue() != 0 || verdicts.size() != files.size()) {
                throw new IllegalStateException("openapi-spec-validator could not run (exit " + process.exitValue()
                        + "); it needs python3 with the pip package openapi-spec-validator 0.9:\n" + output);
            }
            return verdicts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroy();
        }
    }
}
