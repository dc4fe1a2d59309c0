// Loaded before the emulator (node --require): ends it when the local stack's JVM is gone, even
// after a kill -9, so the next start finds its port free. Its stdin is a pipe from that JVM, which
// the OS closes when the JVM dies.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
