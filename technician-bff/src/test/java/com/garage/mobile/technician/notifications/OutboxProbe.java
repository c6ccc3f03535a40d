package com.garage.mobile.technician.notifications;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;

import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Moves jobs through the API and reads what the notification pipeline made of it. */
final class OutboxProbe {

    private final Rows rows;

    OutboxProbe(Rows rows) {
        this.rows = rows;
    }

    static void moveJob(Person who, UUID job, String status, long baseVersion) {
        given().auth().oauth2(TOKENS.of(who)).contentType(ContentType.JSON)
                .body(Map.of("status", status, "baseVersion", baseVersion))
                .when().post("/api/v1/jobs/" + job + "/status")
                .then().statusCode(200);
    }

    long sentFor(UUID job) {
        return rows.count("select count(*) from notification_outbox o join job_event e on e.id = o.job_event_id"
                + " where e.job_id = ? and o.status = 'SENT'", job);
    }

    boolean decided(UUID job) {
        return rows.count("select count(*) from notification_pending_event p join job_event e on e.id = p.job_event_id"
                + " where e.job_id = ? and p.decided_at is null", job) == 0;
    }

    /** The job's notifications, one row per device, oldest first. */
    List<Map<String, Object>> rowsOf(UUID job) {
        return rows.query("select o.id, o.status, o.category, o.priority, o.attempts, o.last_error, o.held_until,"
                + " o.next_attempt_at, o.device_id from notification_outbox o"
                + " join job_event e on e.id = o.job_event_id where e.job_id = ? order by o.id", job);
    }

    Map<String, Object> rowOf(UUID job) {
        List<Map<String, Object>> found = rowsOf(job);
        if (found.size() != 1) {
            throw new AssertionError("expected one notification of job " + job + ", found " + found);
        }
        return found.get(0);
    }

    String statusOf(UUID job) {
        List<Map<String, Object>> found = rowsOf(job);
        return found.size() == 1 ? (String) found.get(0).get("status") : null;
    }
}
