package io.shopcare.local.bench;

import io.shopcare.local.LocalStack;
import io.shopcare.local.LocalStackOptions;
import io.shopcare.local.Template;
import io.shopcare.local.bench.coldstart.TrivialHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bench command, not a test: the first answer of each function in a fresh JVM, as a Lambda cold
 * start gives it, against a trivial handler on the same class path in the same run.
 *
 * <p>The local stack runs in this JVM (with demo data and the events/ samples' catalogue); every
 * measured run is another JVM on the functions artifact's class path alone ({@link FreshJvm}), with
 * the function's environment as the local stack resolves it from template.yaml, credentials, and
 * {@code AWS_ENDPOINT_URL_*} variables pointing at this stack. Runs alternate with the trivial
 * handler in pairs; medians are compared. Each JVM option set is passed as Lambda passes the
 * template's: through {@code JAVA_TOOL_OPTIONS}.
 *
 * <p>Run: {@code mvn -B -ntp -q -pl infrastructure -am -DskipTests -Pcoldstart verify}. Settings:
 * {@code -Dcoldstart.pairs=5}, {@code -Dcoldstart.functions=ProductDetailFunction,...},
 * {@code -Dcoldstart.jvm=none,c1,template}, {@code -Dcoldstart.functions.dir=DIR} (another compiled
 * functions folder, e.g. an older commit's, measured against the same stack).
 */
public final class ColdStartBenchmark {
    private static final String TRIVIAL = "trivial handler";
    private static final String SECRETS_MANAGER_PROPERTY = "aws.endpointUrlSecretsManager";
    private final LocalStack stack;
    private final FreshJvm jvm;
    private final PrintStream out;

    private ColdStartBenchmark(LocalStack stack, FreshJvm jvm, PrintStream out) {
        this.stack = stack;
        this.jvm = jvm;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // The stack's own log and request lines would bury the report: only the report reaches stdout.
        PrintStream report = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        int pairs = Integer.getInteger("coldstart.pairs", 5);
        // Until the local stack serves Secrets Manager itself (it then sets this property), link signing
        // must fail on a closed loopback port, never reach for the public endpoint.
        if (System.getProperty(SECRETS_MANAGER_PROPERTY) == null) {
            System.setProperty(SECRETS_MANAGER_PROPERTY, "http://127.0.0.1:9");
        }
        ColdStartEvents.Recorders recorders = new ColdStartEvents.Recorders();
        LocalStackOptions options = LocalStackOptions.forTests().withDemoData(true)
                .withHandler("ConfirmationMailFunction", environment -> recorders.confirmations())
                .withHandler("RestockWaveFunction", environment -> recorders.waves());
        Path scratch = Files.createTempDirectory("coldstart");
        try (LocalStack stack = LocalStack.start(options)) {
            Template template = Template.load(options.projectDir().resolve("template.yaml"), "eu-central-1");
            ColdStartEvents events = new ColdStartEvents(stack, options.projectDir(), recorders, template);
            events.seedSampleCatalogue();
            // Another compiled functions folder (e.g. an older commit's) can be measured against the same stack.
            Path functions = Path.of(System.getProperty("coldstart.functions.dir",
                    options.projectDir().resolve("functions").toString()));
            report.println("Functions measured: " + functions.toAbsolutePath().normalize());
            ColdStartBenchmark bench = new ColdStartBenchmark(stack, FreshJvm.forFunctions(functions, scratch), report);
            bench.run(events.cases(selected()), pairs);
        } finally {
            System.setOut(report);
            deleteRecursively(scratch);
        }
    }

    private static List<String> selected() {
        String functions = System.getProperty("coldstart.functions", "");
        return functions.isBlank() ? List.of() : Arrays.asList(functions.split(","));
    }

    private void run(List<ColdStartEvents.Case> cases, int pairs) throws Exception {
        Map<String, String> jvmOptions = jvmOptionSets(stack.environment(cases.get(0).function()));
        out.printf("%nCold start: first answer of a fresh JVM per run, from process start; median of %d runs,"
                + " each paired with the trivial handler (a stream handler answering a constant) in the same"
                + " environment, alternating; ratio = median / median of its trivial runs. CPU: the process's CPU"
                + " time until the answer (all threads).%n", pairs);
        out.printf("JVM: %s %s, %d processors%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors());
        // The untimed class-count run also proves each function answers before any time is spent on it.
        Map<String, Integer> classes = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        classes.put(TRIVIAL, classesLoaded(trivial(cases.get(0))));
        for (ColdStartEvents.Case c : cases) {
            try {
                classes.put(c.label(), classesLoaded(c));
            } catch (Exception e) {
                failures.put(c.label(), e.getMessage());
            }
        }
        for (Map.Entry<String, String> set : jvmOptions.entrySet()) {
            out.printf("%nJAVA_TOOL_OPTIONS: %s%n", set.getValue() == null ? "(none)" : set.getValue());
            out.printf("%-34s %12s %10s %7s %10s %9s %9s %9s %12s %9s%n", "function", "first answer", "trivial", "ratio",
                    "CPU", "trivial", "ratio", "classes", "constructor", "invoke");
            for (ColdStartEvents.Case c : cases) {
                if (failures.containsKey(c.label())) {
                    out.printf("%-34s did not answer: %s%n", c.label(), abbreviated(failures.get(c.label())));
                    continue;
                }
                Row row;
                try {
                    row = measure(c, set.getValue(), pairs);
                } catch (Exception e) {
                    out.printf("%-34s did not answer: %s%n", c.label(), abbreviated(e.getMessage()));
                    continue;
                }
                out.printf("%-34s %9.0f ms %7.0f ms %6.1fx %7.0f ms %6.0f ms %8.1fx %9d %9.0f ms %6.0f ms%n", c.label(),
                        row.handler(), row.trivial(), row.handler() / row.trivial(), row.handlerCpu(), row.trivialCpu(),
                        row.handlerCpu() / row.trivialCpu(), classes.get(c.label()), row.constructor(), row.invoke());
                out.flush();
            }
            out.printf("(trivial handler: %d classes)%n", classes.get(TRIVIAL));
        }
    }

    private static String abbreviated(String message) {
        String line = String.valueOf(message).lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** Medians of the handler's and its paired trivial runs, and of the handler's in-process splits. */
    private record Row(double handler, double trivial, double handlerCpu, double trivialCpu, double constructor,
                       double invoke) {
    }

    private Row measure(ColdStartEvents.Case c, String javaToolOptions, int pairs) throws Exception {
        ColdStartEvents.Case floor = trivial(c);
        double[] handler = new double[pairs];
        double[] trivial = new double[pairs];
        double[] handlerCpu = new double[pairs];
        double[] trivialCpu = new double[pairs];
        double[] constructor = new double[pairs];
        double[] invoke = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            // Alternate which goes first, so a drift in the machine's load falls on both alike.
            FreshJvm.Run first = i % 2 == 0 ? run(floor, javaToolOptions) : run(c, javaToolOptions);
            FreshJvm.Run second = i % 2 == 0 ? run(c, javaToolOptions) : run(floor, javaToolOptions);
            FreshJvm.Run measured = i % 2 == 0 ? second : first;
            handler[i] = measured.millis();
            FreshJvm.Run floorRun = i % 2 == 0 ? first : second;
            trivial[i] = floorRun.millis();
            handlerCpu[i] = measured.cpuMillis();
            trivialCpu[i] = floorRun.cpuMillis();
            constructor[i] = measured.builtMillis();
            invoke[i] = measured.answeredMillis() - measured.builtMillis();
        }
        return new Row(median(handler), median(trivial), median(handlerCpu), median(trivialCpu), median(constructor),
                median(invoke));
    }

    private FreshJvm.Run run(ColdStartEvents.Case c, String javaToolOptions) throws Exception {
        Map<String, String> environment = environment(c.function());
        if (javaToolOptions == null) {
            environment.remove("JAVA_TOOL_OPTIONS");
        } else {
            environment.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        FreshJvm.Run run = jvm.run(c.handlerClass(), c.function(), c.timeoutSeconds(), c.events().next(), environment);
        String problem = c.problemWith(run.answer());
        if (problem != null) {
            throw new IllegalStateException(c.label() + " answered wrongly: " + problem + ": " + run.answer());
        }
        return run;
    }

    private int classesLoaded(ColdStartEvents.Case c) throws Exception {
        Map<String, String> environment = environment(c.function());
        environment.remove("JAVA_TOOL_OPTIONS");
        return jvm.classesLoaded(c.handlerClass(), c.function(), c.timeoutSeconds(), c.events().next(), environment);
    }

    private ColdStartEvents.Case trivial(ColdStartEvents.Case paired) {
        return paired.withHandler(TRIVIAL, TrivialHandler.class.getName());
    }

    /**
     * The environment Lambda would give the function: the template's variables as the local stack
     * resolves them (with AWS_REGION and the function name), credentials, and the SDK endpoint
     * variables that point at this stack (from the system properties the stack set for itself).
     */
    private Map<String, String> environment(String function) {
        Map<String, String> environment = new HashMap<>(stack.environment(function));
        environment.put("PATH", System.getenv("PATH"));
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_SESSION_TOKEN", "local");
        Map<String, String> endpoints = Map.of("aws.endpointUrlDynamoDb", "AWS_ENDPOINT_URL_DYNAMODB",
                "aws.endpointUrlSesV2", "AWS_ENDPOINT_URL_SESV2", "aws.endpointUrlSes", "AWS_ENDPOINT_URL_SES",
                SECRETS_MANAGER_PROPERTY, "AWS_ENDPOINT_URL_SECRETS_MANAGER");
        endpoints.forEach((property, variable) -> {
            String value = System.getProperty(property);
            if (value != null) {
                environment.put(variable, value);
            }
        });
        return environment;
    }

    /** none, C1 only, and the template's JAVA_TOOL_OPTIONS (when it is not just C1 only), by name. */
    private static Map<String, String> jvmOptionSets(Map<String, String> functionEnvironment) {
        String fromTemplate = functionEnvironment.get("JAVA_TOOL_OPTIONS");
        String c1 = "-XX:TieredStopAtLevel=1";
        Map<String, String> sets = new LinkedHashMap<>();
        for (String name : System.getProperty("coldstart.jvm", "none,c1,template").split(",")) {
            switch (name) {
                case "none" -> sets.put(name, null);
                case "c1" -> sets.put(name, c1);
                case "template" -> {
                    String effective = fromTemplate == null ? null
                            : fromTemplate.replace("-XX:+TieredCompilation", "").trim();
                    if (fromTemplate != null && !c1.equals(effective)) {
                        sets.put(name, fromTemplate);
                    } else if (!sets.containsKey("c1")) {
                        sets.put(name, fromTemplate);
                    }
                }
                default -> throw new IllegalArgumentException("unknown JVM option set " + name);
            }
        }
        return sets;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
