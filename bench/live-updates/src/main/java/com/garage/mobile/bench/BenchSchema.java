package com.garage.mobile.bench;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/**
 * The bench database's schema, migrated from the project's own migrations before a bench writes its garages: on a
 * fresh database nothing has migrated it yet (the pods do at their start, which comes after the garages).
 */
final class BenchSchema {

    private static boolean migrated;

    private BenchSchema() {
    }

    static synchronized void migrate(String jdbcUrl) {
        if (migrated) {
            return;
        }
        Path migrations = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize()
                .resolve("shared-domain/src/main/resources/db/migration");
        Flyway.configure().dataSource(jdbcUrl, "garage", "garage").locations("filesystem:" + migrations)
                .load().migrate();
        migrated = true;
    }
}
