package io.shopcare.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar infrastructure/target/shopcare-local.jar [flags]} (see {@code --help}). Prints
 * the API, Lambda, inbox and admin-token lines first; Ctrl-C or SIGTERM stops everything.
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack.keepConnectionsAliveAsContainersWould();
        QuietLogging.apply();
        LocalStackArguments.Parsed arguments;
        try {
            arguments = LocalStackArguments.parse(List.of(args));
        } catch (LocalStackArguments.UsageException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(LocalStackArguments.usage());
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            System.out.print(LocalStackArguments.usage());
            System.exit(0);
        }
        Path projectDir = LocalStack.findProjectDir();
        List<String> problems = ParameterOverrides.problems(
                Template.load(projectDir.resolve("template.yaml"), LocalStack.REGION).parameters(),
                arguments.parameterOverrides());
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            System.exit(2);
        }

        long started = System.nanoTime();
        // Functions log JSON and EMF lines as in Lambda; the console prints them for a person and
        // keeps the start's own output back, so the ready lines come first.
        PrintStream terminal = System.out;
        LocalConsole console = new LocalConsole(terminal);
        System.setOut(console.stream());
        console.hold();
        AtomicReference<LocalStack> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStack stack = running.getAndSet(null);
            if (stack != null) {
                stack.close();
            }
            stopped.countDown();
        }, "local-stack-shutdown"));
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStackOptions(projectDir, arguments.port(), arguments.sesPort(),
                    arguments.adminToken(), arguments.demoData(), arguments.dataDir(), java.util.Map.of(),
                    arguments.lambdaPort(), arguments.webPort(), arguments.parameterOverrides(), false));
        } catch (RuntimeException e) {
            console.release();
            System.err.println("The local stack did not start: " + rootMessage(e));
            System.exit(1);
            return;
        }
        running.set(stack);
        terminal.println("API ready: " + stack.apiUrl());
        terminal.println("Lambda ready: " + stack.lambdaUrl());
        terminal.println("Inbox: " + stack.sesUrl());
        terminal.println("Storefront: " + stack.storefrontUrl());
        terminal.println("Admin token: " + stack.adminToken());
        terminal.println("Started in " + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (arguments.demoData() ? " with demo data" : ""));
        terminal.println("Secrets Manager: " + stack.secretsManagerUrl());
        console.release();
        stopped.await();
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message.append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
