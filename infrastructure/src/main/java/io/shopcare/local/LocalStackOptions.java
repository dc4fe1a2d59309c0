package io.shopcare.local;

import java.nio.file.Path;

/** How to start the local stack; port 0 picks a free port. */
public record LocalStackOptions(Path projectDir, int port, int sesPort, String adminToken, boolean demoData,
                                Path dataDir) {

    /** Free ports, no demo data, the project found from the working directory. */
    public static LocalStackOptions forTests() {
        return new LocalStackOptions(LocalStack.findProjectDir(), 0, 0, null, false, null);
    }

    public LocalStackOptions withDemoData(boolean demo) {
        return new LocalStackOptions(projectDir, port, sesPort, adminToken, demo, dataDir);
    }
}
