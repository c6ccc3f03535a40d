package com.garage.mobile.customer.live;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A topic that only the tests declare ({@link CourtesyCarTopic}) travels on the same live channel
 * as job events: one order, its own visibility rule, one resume.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TwoTopicsOnOneChannelTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    @Inject
    CourtesyCarTopic courtesyCars;

    Rows rows;
    Workshop workshop;
    GarageFixture garage;
    Person alice;
    Person carl;
    Person cora;
    UUID carlsJob;
    final List<LiveClient> clients = new ArrayList<>();

    @BeforeEach
    void createGarage() {
        rows = new Rows(dataSource);
        workshop = new Workshop(statuses, assignments);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        carl = garage.customer("Carl", "Jensen");
        cora = garage.customer("Cora", "Li");
        carlsJob = garage.job(carl, garage.vehicle(carl)).create();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(LiveClient::close);
    }

    @Test
    void eventsOfBothTopicsArriveInterleavedInEventIdOrderOnOneSocket() {
        LiveClient carlsApp = connect(carl, null);

        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        carlsApp.awaitEvents(1);
        courtesyCars.announce(garage.garageId, carl.id(), "GA 11 RGE");
        carlsApp.awaitEvents(2);
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);
        carlsApp.awaitEvents(3);
        courtesyCars.announce(garage.garageId, carl.id(), "GA 22 RGE");

        List<JsonObject> events = carlsApp.awaitEvents(4);
        assertEquals(List.of("job", CourtesyCarTopic.NAME, "job", CourtesyCarTopic.NAME), topicsOf(events));
        assertEquals(List.of("GA 11 RGE", "GA 22 RGE"),
                carlsApp.events(CourtesyCarTopic.NAME).stream().map(e -> e.getString("plate")).toList());
        assertEquals(eventIdsInTheDatabase(), carlsApp.eventIds(), "one id order across both topics");
    }

    @Test
    void theTopicsVisibilityRuleKeepsACustomersCarFromAnother() {
        LiveClient carlsApp = connect(carl, null);
        LiveClient corasApp = connect(cora, null);

        courtesyCars.announce(garage.garageId, carl.id(), "GA 11 RGE");
        courtesyCars.announce(garage.garageId, cora.id(), "GA 33 RGE");

        assertEquals("GA 33 RGE", corasApp.awaitEvents(1).get(0).getString("plate"));
        assertEquals("GA 11 RGE", carlsApp.awaitEvents(1).get(0).getString("plate"));
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        carlsApp.awaitEvents(2);
        assertEquals(List.of("GA 33 RGE"), corasApp.events().stream().map(e -> e.getString("plate")).toList(),
                "nothing of Carl's, on either topic");
        assertEquals(List.of(CourtesyCarTopic.NAME, "job"), topicsOf(carlsApp.events()));
    }

    @Test
    void resumeReplaysTheMissedEventsOfBothTopicsThenCatchesUp() {
        LiveClient before = connect(carl, null);
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);
        long lastSeen = before.awaitEvents(1).get(0).getLong("eventId");
        before.close();

        courtesyCars.announce(garage.garageId, carl.id(), "GA 11 RGE");
        workshop.change(alice, carlsJob, JobStatus.AWAITING_PARTS);
        courtesyCars.announce(garage.garageId, cora.id(), "GA 33 RGE");
        long lastCar = courtesyCars.announce(garage.garageId, carl.id(), "GA 22 RGE");
        workshop.change(alice, carlsJob, JobStatus.IN_PROGRESS);

        LiveClient after = connect(carl, lastSeen);
        JsonObject caughtUp = after.await("caught-up");
        List<Long> missed = eventIdsInTheDatabase().stream().filter(id -> id > lastSeen).toList();
        assertEquals(missed, after.eventIds());
        assertEquals(List.of(CourtesyCarTopic.NAME, "job", CourtesyCarTopic.NAME, "job"), topicsOf(after.events()));
        assertEquals(4, caughtUp.getInteger("replayed"));
        assertEquals(missed.get(3), caughtUp.getLong("lastEventId"));
        assertTrue(after.messages().indexOf(caughtUp) > after.messages().indexOf(after.events().get(3)),
                "caught-up follows the replay");

        LiveClient fromACar = connect(carl, lastCar);
        assertEquals(1, fromACar.await("caught-up").getInteger("replayed"));
        assertEquals(List.of(missed.get(3)), fromACar.eventIds(), "an id of either topic resumes the channel");
    }

    private LiveClient connect(Person person, Long lastEventId) {
        LiveClient client = LiveClient.connect(base, LiveClient.PATH, TOKENS.of(person), lastEventId);
        clients.add(client);
        client.await("caught-up");
        return client;
    }

    /** The ids of what Carl may see, of both topics, in id order. */
    private List<Long> eventIdsInTheDatabase() {
        return rows.query("select id from job_event where job_id = ? and customer_visible"
                + " union all select id from test_courtesy_car_event where customer_id = ? order by id",
                carlsJob, carl.id()).stream().map(row -> ((Number) row.get("id")).longValue()).toList();
    }

    private static List<String> topicsOf(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("topic")).toList();
    }
}
