package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The connection cache the stacks' functions share: the test JVMs keep as many alive as the jar does. */
class KeepAliveTest {

    @Test
    void theTestJvmsKeepAsManyConnectionsAliveAsTheJar() {
        // Set by the surefire argLine, which must stay in step with the constant.
        assertEquals(LocalStack.KEEP_ALIVE_CONNECTIONS, System.getProperty("http.maxConnections"));
    }

    @Test
    void aSettingOnTheCommandLineWins() {
        String before = System.getProperty("http.maxConnections");
        try {
            System.setProperty("http.maxConnections", "7");
            LocalStack.keepConnectionsAliveAsContainersWould();
            assertEquals("7", System.getProperty("http.maxConnections"));
            System.clearProperty("http.maxConnections");
            LocalStack.keepConnectionsAliveAsContainersWould();
            assertEquals(LocalStack.KEEP_ALIVE_CONNECTIONS, System.getProperty("http.maxConnections"));
        } finally {
            if (before == null) {
                System.clearProperty("http.maxConnections");
            } else {
                System.setProperty("http.maxConnections", before);
            }
        }
    }
}
