package io.shopcare.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar infrastructure/target/shopcare-local.jar [--port 3000] [--ses-port 8005]
 * [--admin-token T] [--no-demo-data] [--data-dir DIR]}. Ctrl-C or SIGTERM stops everything.
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 3000;
        int sesPort = 8005;
        String token = null;
        boolean demo = true;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--ses-port" -> sesPort = Integer.parseInt(args[++i]);
                case "--admin-token" -> token = args[++i];
                case "--no-demo-data" -> demo = false;
                case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; options: --port N --ses-port N --admin-token T --no-demo-data --data-dir DIR");
                    System.exit(2);
                }
            }
        }
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(new LocalStackOptions(LocalStack.findProjectDir(), port, sesPort, token,
                demo, dataDir, java.util.Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println("Started in " + (System.nanoTime() - started) / 1_000_000 + " ms"
                + (demo ? " with demo data" : ""));
        System.out.println("API ready: " + stack.apiUrl());
        System.out.println("Inbox: " + stack.sesUrl());
        System.out.println("Admin token: " + stack.adminToken());
        System.out.println("Secrets Manager: " + stack.secretsManagerUrl());
        stopped.await();
    }
}
