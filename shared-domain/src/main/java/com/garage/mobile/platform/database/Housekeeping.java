package com.garage.mobile.platform.database;

import com.garage.mobile.platform.problem.LoggedFailure;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * How a scheduled deletion of rows no longer needed reports: how many went, when any did; a warning when it failed,
 * which leaves the rows for its next run.
 */
public final class Housekeeping {

    private Housekeeping() {
    }

    /** Runs the deletion, which says how many rows it deleted, as {@code what} for the log. */
    public static Uni<Void> reported(Uni<Integer> deletion, Logger log, String what) {
        return deletion.invoke(count -> {
            if (count > 0) {
                log.infof("%s: %d rows deleted", what, count);
            }
        }).onFailure().invoke(e -> log.warnf("%s failed: %s", what, LoggedFailure.describe(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
