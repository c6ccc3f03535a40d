package com.garage.mobile.technician.live;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.LiveClient;
import com.garage.mobile.testing.Person;
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

/** The technician app's live channel: the job board as staff may see it. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LiveBoardTest {

    static final String PATH = LiveClient.PATH;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    Workshop workshop;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person tina;
    UUID brakes;
    UUID service;
    final List<LiveClient> clients = new ArrayList<>();

    @BeforeEach
    void createGarage() {
        workshop = new Workshop(statuses, assignments);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        Person carl = garage.customer("Carl", "Jensen");
        brakes = garage.job(carl, garage.vehicle(carl)).assignedTo(tom).create();
        service = garage.job(carl, garage.vehicle(carl)).assignedTo(tina).create();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(LiveClient::close);
    }

    @Test
    void advisorsFollowTheirWholeGarageAndNoOther() {
        GarageFixture other = GarageFixture.create(dataSource);
        Person olaf = other.advisor("Olaf Berg");
        Person olga = other.customer("Olga", "Berg");
        UUID othersJob = other.job(olga, other.vehicle(olga)).create();
        LiveClient alicesBoard = connect(alice);
        LiveClient olafsBoard = connect(olaf);

        workshop.change(alice, brakes, JobStatus.IN_PROGRESS);
        workshop.change(olaf, othersJob, JobStatus.IN_PROGRESS);
        workshop.assign(alice, service, tom);

        List<JsonObject> alices = alicesBoard.awaitEvents(2);
        assertEquals(List.of(brakes.toString(), service.toString()), jobsOf(alices));
        assertEquals(List.of("job.status-changed", "job.technician-assigned"), eventsOf(alices));
        assertEquals("advisor", alices.get(0).getString("actorRole"));
        assertEquals(List.of("job", "job"), alices.stream().map(e -> e.getString("topic")).toList());
        assertEquals(tom.id().toString(), alices.get(1).getJsonObject("data").getString("technicianId"));
        assertEquals(List.of(othersJob.toString()), jobsOf(olafsBoard.awaitEvents(1)));
    }

    @Test
    void technicianFollowsAJobFromAssignmentToUnassignment() {
        LiveClient tinasBoard = connect(tina);

        workshop.change(alice, brakes, JobStatus.IN_PROGRESS);
        workshop.assign(alice, brakes, tina);
        workshop.change(alice, brakes, JobStatus.AWAITING_PARTS);
        workshop.unassign(alice, brakes, tina);
        workshop.change(alice, brakes, JobStatus.IN_PROGRESS);
        workshop.change(alice, service, JobStatus.IN_PROGRESS);

        List<JsonObject> tinas = tinasBoard.awaitEvents(4);
        assertEquals(List.of("job.technician-assigned", "job.status-changed", "job.technician-unassigned",
                "job.status-changed"), eventsOf(tinas));
        assertEquals(List.of(brakes.toString(), brakes.toString(), brakes.toString(), service.toString()),
                jobsOf(tinas), "nothing of the brakes job before her assignment or after it ended");
    }

    @Test
    void reconnectingTechnicianGetsWhatHappenedOnHerJobsMeanwhile() {
        LiveClient before = connect(tina);
        workshop.change(alice, service, JobStatus.IN_PROGRESS);
        long lastSeen = before.awaitEvents(1).get(0).getLong("eventId");
        before.close();

        workshop.change(alice, brakes, JobStatus.IN_PROGRESS);
        workshop.assign(alice, brakes, tina);
        workshop.change(alice, service, JobStatus.AWAITING_PARTS);

        LiveClient after = track(LiveClient.connect(base, PATH, TOKENS.of(tina), lastSeen));
        assertEquals(2, after.await("caught-up").getInteger("replayed"));
        assertEquals(List.of("job.technician-assigned", "job.status-changed"), eventsOf(after.events()));
    }

    @Test
    void customerTokenIsRefusedAtTheHandshake() {
        Person carl = garage.customer("Cora", "Li");
        assertThrows(RuntimeException.class, () -> LiveClient.connect(base, PATH, TOKENS.of(carl), null));
    }

    private LiveClient connect(Person person) {
        LiveClient client = track(LiveClient.connect(base, PATH, TOKENS.of(person), null));
        client.await("caught-up");
        return client;
    }

    private LiveClient track(LiveClient client) {
        clients.add(client);
        return client;
    }

    private static List<String> jobsOf(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("jobId")).toList();
    }

    private static List<String> eventsOf(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("event")).toList();
    }
}
