package com.garage.mobile.bench;

/**
 * Runs a bench and ends the JVM with its outcome: the test OIDC server's threads are not daemons, so a bench that
 * failed before stopping it would otherwise leave {@code exec:java} (and {@code run-all.sh}) waiting for ever.
 */
final class BenchMain {

    /** A bench's body. */
    interface Body {
        void run() throws Exception;
    }

    private BenchMain() {
    }

    static void run(Body bench) {
        try {
            bench.run();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
