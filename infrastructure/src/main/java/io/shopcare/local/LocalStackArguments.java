package io.shopcare.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The local stack's command line, exactly as local-stack.md's flags table documents it. */
final class LocalStackArguments {
    /** One row of the flags table that {@code --help} prints. */
    record Flag(String flag, String defaultValue, String meaning) {
    }

    static final List<Flag> FLAGS = List.of(
            new Flag("--port N", "3000", "every HttpApi route of template.yaml, as payload-2.0 events"),
            new Flag("--lambda-port N", "3001", "the Lambda Invoke API (POST /2015-03-31/functions/{name}/invocations,"
                    + " name = the function's logical id), as `sam local start-lambda` serves it"),
            new Flag("--ses-port N", "8005", "the SES emulator: inbox page, GET /store, POST /clear-store"),
            new Flag("--web-port N", "8080", "the demo storefront, a different origin from the API (CORS as the template declares it)"),
            new Flag("--admin-token T", "random", "the bearer token that /admin/* routes take locally"),
            new Flag("--no-demo-data", "off", "start empty"),
            new Flag("--data-dir DIR", "in memory", "keep DynamoDB data (and the local link-signing secret) between"
                    + " runs; demo data is loaded only into an empty directory"),
            new Flag("--parameter-overrides K=V ...", "template defaults", "template parameters, as"
                    + " `sam deploy --parameter-overrides` takes them"),
            new Flag("--help", "", "prints this table"));

    /** A command line that cannot be run: the message says why; exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** What the command line asks for; {@code help} means print the table and do nothing else. */
    record Parsed(boolean help, int port, int lambdaPort, int sesPort, int webPort, String adminToken,
                  boolean demoData, Path dataDir, Map<String, String> parameterOverrides) {
    }

    private LocalStackArguments() {
    }

    static Parsed parse(List<String> args) throws UsageException {
        int port = 3000;
        int lambdaPort = 3001;
        int sesPort = 8005;
        int webPort = 8080;
        String token = null;
        boolean demo = true;
        Path dataDir = null;
        Map<String, String> overrides = Map.of();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--help", "-h" -> {
                    return new Parsed(true, port, lambdaPort, sesPort, webPort, token, demo, dataDir, overrides);
                }
                case "--port" -> port = port(flag, value(args, ++i, flag));
                case "--lambda-port" -> lambdaPort = port(flag, value(args, ++i, flag));
                case "--ses-port" -> sesPort = port(flag, value(args, ++i, flag));
                case "--web-port" -> webPort = port(flag, value(args, ++i, flag));
                case "--admin-token" -> token = token(value(args, ++i, flag));
                case "--no-demo-data" -> demo = false;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, flag)).toAbsolutePath();
                case "--parameter-overrides" -> {
                    // Takes every following argument up to the next flag, as the SAM CLI does.
                    List<String> pairs = new ArrayList<>();
                    while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        pairs.add(args.get(++i));
                    }
                    if (pairs.isEmpty()) {
                        throw new UsageException("--parameter-overrides needs at least one Key=Value");
                    }
                    try {
                        overrides = ParameterOverrides.parse(pairs);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                default -> throw new UsageException("unknown flag " + flag);
            }
        }
        return new Parsed(false, port, lambdaPort, sesPort, webPort, token, demo, dataDir, overrides);
    }

    private static String value(List<String> args, int index, String flag) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String flag, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + " takes a port number from 0 (any free port) to 65535, not '" + value + "'");
    }

    private static String token(String value) throws UsageException {
        // It travels in an Authorization header: visible ASCII, no spaces.
        if (value.isEmpty() || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new UsageException("--admin-token takes visible ASCII characters without spaces");
        }
        return value;
    }

    /** The usage line and the flags table (flag, default, meaning). */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar infrastructure/target/shopcare-local.jar [flags]\n\n");
        String row = "  %-32s %-18s %s%n";
        text.append(String.format(row, "flag", "default", "meaning"));
        for (Flag flag : FLAGS) {
            text.append(String.format(row, flag.flag(), flag.defaultValue(), flag.meaning()));
        }
        return text.toString();
    }
}
