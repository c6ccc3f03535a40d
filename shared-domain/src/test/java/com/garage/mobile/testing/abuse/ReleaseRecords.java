package com.garage.mobile.testing.abuse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.garage.mobile.testing.GarageFixture;
import java.util.Map;
import java.util.UUID;

/**
 * Release records for the abuse suite. Releases, crash issues and kill switches are global (one app
 * in each store for every garage), so there is no other garage's copy to reach: "another garage's"
 * id is one that no record has, which must be 404 like any unknown one.
 */
public final class ReleaseRecords {

    private ReleaseRecords() {
    }

    /** A release of the technician app registered by the garage's admin, rolling out to production. */
    static UUID runningRelease(GarageFixture garage) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into app_release (id, garage_id, app, platform, version, build, store_status, notes,"
                + " budget_crash_free_bp, budget_min_sessions, created_by, created_at)"
                + " values (?, ?, 'STAFF', 'WEB', ?, '1', 'AVAILABLE', '', 9950, 500, 'abuse', now())",
                id, garage.garageId, "0.0." + Math.floorMod(id.getLeastSignificantBits(), 1_000_000_000L));
        garage.sql("insert into release_rollout (release_id, ring, garage_id, mode, running_since, started_at)"
                + " values (?, 'PRODUCTION', ?, 'SCHEDULED', now(), now())", id, garage.garageId);
        return id;
    }

    static UUID openCrashIssue(GarageFixture garage) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into crash_issue (id, app, platform, fingerprint, exception_type, top_frame, status,"
                + " first_seen_at, last_seen_at, first_version) values (?, 'STAFF', 'WEB', ?, 'Error', '', 'OPEN',"
                + " now(), now(), '0.0.1')", id, id.toString());
        return id;
    }

    /** A crash report both apps accept: its free text (device model, exception, stack) is stored as sent. */
    public static AbuseSuite.ValidCall crashReport(AbuseFixture world) {
        return new AbuseSuite.ValidCall(Map.of(), JsonNodeFactory.instance.objectNode().put("build", "3401")
                .put("deviceModel", "Pixel 8").put("osVersion", "15").put("exceptionType", "java.lang.Error")
                .put("stack", "java.lang.Error\n\tat com.garage.app.Main.main(Main.java:1)"));
    }

    /** A switch of a feature nothing uses, for the home garage only. */
    static UUID killSwitch(GarageFixture garage) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into kill_switch (id, garage_id, feature, app, target_garage_id, message, created_by,"
                + " created_at) values (?, ?, 'abuse-test', 'STAFF', ?, '', 'abuse', now())", id, garage.garageId,
                garage.garageId);
        return id;
    }
}
