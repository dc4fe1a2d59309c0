package io.shopcare.local.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The python {@code openapi-spec-validator} (0.9, installed on every machine of the project and
 * in CI), run on a file: the OpenAPI 3.0 meta-schema plus every {@code $ref}, local or to other
 * files, resolved.
 */
final class PythonOpenApiValidator {
    /** Exit 0 and "VALID", or exit 1 and "INVALID <error type>: <message>"; anything else is a broken set-up. */
    private static final String SCRIPT = """
            import sys
            from openapi_spec_validator import validate
            from openapi_spec_validator.readers import read_from_filename
            try:
                spec, base_uri = read_from_filename(sys.argv[1])
                validate(spec, base_uri=base_uri)
            except Exception as e:
                print("INVALID " + type(e).__name__ + ": " + str(e)[:2000])
                sys.exit(1)
            print("VALID")
            """;
    private static final long GIVE_UP_MINUTES = 2;

    /** What the validator said about a file. */
    record Verdict(boolean valid, String output) {
    }

    private PythonOpenApiValidator() {
    }

    static Verdict validate(Path file) {
        Process process;
        try {
            process = new ProcessBuilder(List.of("python3", "-c", SCRIPT, file.toString()))
                    .redirectErrorStream(true).start();
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
            if (process.exitValue() == 0 && output.lines().reduce((a, b) -> b).orElse("").equals("VALID")) {
                return new Verdict(true, output);
            }
            if (process.exitValue() == 1 && output.startsWith("INVALID ")) {
                return new Verdict(false, output);
            }
            throw new IllegalStateException("openapi-spec-validator could not run (exit " + process.exitValue()
                    + "); it needs python3 with the pip package openapi-spec-validator 0.9:\n" + output);
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
