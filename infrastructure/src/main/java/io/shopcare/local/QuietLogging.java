package io.shopcare.local;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences, at their sources, the libraries inside the local stack that print at start: SDK v1
 * in DynamoDB Local (its JAXB warning goes through java.util.logging) and DynamoDB Local's log4j2
 * (its bundled configuration logs WARN to stdout). SLF4J is silenced by slf4j-nop on the class
 * path. Errors still reach stderr.
 */
final class QuietLogging {
    /** java.util.logging holds loggers weakly: a level set on an unreferenced logger is forgotten. */
    private static final Logger SDK_V1 = Logger.getLogger("com.amazonaws");

    private QuietLogging() {
    }

    /** Must run before DynamoDB Local's first class is loaded; calling it again is harmless. */
    static synchronized void apply() {
        SDK_V1.setLevel(Level.SEVERE);
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "local-stack-log4j2.xml");
        }
    }
}
