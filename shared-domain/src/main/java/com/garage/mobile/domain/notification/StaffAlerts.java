package com.garage.mobile.domain.notification;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a garage's active staff of a given role of something that needs them now, by push to the
 * devices whose owner consented to the alert's category; written in the caller's transaction, at
 * most once per alert key.
 */
public interface StaffAlerts {

    /** Who hears of an alert. */
    enum Audience {
        /** The garage's admins: alarms about how the garage's app runs (an experiment's split). */
        ADMINS(Set.of("ADMIN")),
        /** Advisors and admins: the front desk, which receives vehicles and customers. */
        FRONT_DESK(Set.of("ADVISOR", "ADMIN"));

        private final Set<String> roles;

        Audience(Set<String> roles) {
            this.roles = roles;
        }

        public Set<String> roles() {
            return roles;
        }
    }

    /**
     * @param key     unique per matter: a second alert with the same key is not sent again
     * @param textKey the notification texts' key ({@code <key>.title}, {@code <key>.body}), filled from {@code values}
     * @param data    what the app needs to open the matter (type, ids, a link)
     */
    record StaffAlert(Audience audience, NotificationCategory category, String key, String textKey,
            Map<String, String> values, Map<String, String> data) {
    }

    /** @return how many devices will hear of it */
    Uni<Integer> raise(SqlConnection connection, UUID garageId, StaffAlert alert, Instant now);
}
