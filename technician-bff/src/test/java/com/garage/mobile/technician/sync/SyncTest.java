package com.garage.mobile.technician.sync;

import static com.garage.mobile.technician.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.job.JobAssignmentService;
import com.garage.mobile.domain.job.JobStatus;
import com.garage.mobile.domain.job.JobStatusService;
import com.garage.mobile.platform.sync.SyncChecksum;
import com.garage.mobile.platform.sync.SyncCursor;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import com.garage.mobile.testing.SyncReplica;
import com.garage.mobile.testing.Workshop;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SyncTest {

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    Rows rows;
    Workshop workshop;
    GarageFixture garage;
    GarageFixture otherGarage;
    Person alice;
    Person tom;
    Person tina;
    Person carl;
    UUID carlsCar;
    Set<UUID> tomsJobs = new TreeSet<>();
    UUID tomsOpenJob;
    UUID tinasJob;
    UUID tomsOldJob;
    UUID otherGaragesJob;
    UUID appointment;
    UUID otherGaragesAppointment;

    @BeforeEach
    void createWorkshop() {
        rows = new Rows(dataSource);
        workshop = new Workshop(statuses, assignments);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        tina = garage.technician("Tina Kowalski");
        carl = garage.customer("Carl", "Jensen");
        carlsCar = garage.vehicle(carl);
        for (int i = 0; i < 5; i++) {
            tomsOpenJob = garage.job(carl, carlsCar).assignedTo(tom).step("Inspect").part("Pads", "BP-1", 4500, 2100)
                    .note("INTERNAL", "Customer haggles", alice).create();
            tomsJobs.add(tomsOpenJob);
        }
        tomsJobs.add(garage.job(carl, carlsCar).assignedTo(tom).status("CLOSED").create());
        tomsOldJob = garage.job(carl, carlsCar).assignedTo(tom).status("CLOSED")
                .closedAt(Instant.now().minus(Duration.ofDays(30))).create();
        tinasJob = garage.job(carl, carlsCar).assignedTo(tina).create();
        appointment = garage.appointment(carl, carlsCar, Instant.now().plus(Duration.ofDays(2)), "CONFIRMED");

        otherGarage = GarageFixture.create(dataSource);
        Person otherTechnician = otherGarage.technician("Tom Reyes");
        Person otherCustomer = otherGarage.customer("Carl", "Jensen");
        UUID otherCar = otherGarage.vehicle(otherCustomer);
        otherGaragesJob = otherGarage.job(otherCustomer, otherCar).assignedTo(otherTechnician).create();
        otherGaragesAppointment = otherGarage.appointment(otherCustomer, otherCar, Instant.now().plus(Duration.ofDays(1)),
                "CONFIRMED");
    }

    @Test
    void fullSyncInPagesIsExactlyMyScopeAndItsChecksumMatches() {
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(2);

        assertEquals(jobKeys(tomsJobs), replica.records.keySet(), "my open jobs and the recently closed one");
        assertTrue(replica.pages >= 4, "listed in pages of two");
        replica.assertChecksumMatches();
        assertEquals(expectedChecksum(tomsJobs), replica.checksum, "the checksum of the records as stored");
        tomsJobs.forEach(id -> assertEquals(rev(id), replica.revs.get(SyncReplica.key("job", id))));

        Map<String, Object> job = replica.records.get(SyncReplica.key("job", tomsJobs.iterator().next()));
        assertEquals(true, job.get("assignedToMe"));
        assertEquals("Carl Jensen", ((Map<?, ?>) job.get("customer")).get("name"));
        assertNull(((Map<?, ?>) job.get("customer")).get("phone"), "technicians get no phone numbers");
        assertNull(firstLine(replica).get("costPriceMinor"), "technicians get no cost prices");
    }

    @Test
    void advisorSyncsTheGaragesJobsAndAppointmentsOnly() {
        SyncReplica replica = new SyncReplica(TOKENS.of(alice)).catchUp(3);

        Set<String> expected = new TreeSet<>(jobKeys(tomsJobs));
        expected.add(SyncReplica.key("job", tinasJob));
        expected.add(SyncReplica.key("appointment", appointment));
        assertEquals(expected, new TreeSet<>(replica.records.keySet()));
        replica.assertChecksumMatches();
        Map<String, Object> line = firstLine(replica);
        assertEquals(2100, line.get("costPriceMinor"), "advisors see cost prices");
    }

    @Test
    void nothingOfAnotherTechnicianOrGarageEverAppears() {
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(50);
        workshop.change(tina, tinasJob, JobStatus.IN_PROGRESS);
        otherGarage.sql("update job_card set concern = 'Rattle' where id = ?", otherGaragesJob);
        otherGarage.sql("update appointment set service_requested = 'MOT' where id = ?", otherGaragesAppointment);
        replica.catchUp(50);

        Set<String> foreign = Set.of(SyncReplica.key("job", tinasJob), SyncReplica.key("job", tomsOldJob),
                SyncReplica.key("job", otherGaragesJob), SyncReplica.key("appointment", appointment),
                SyncReplica.key("appointment", otherGaragesAppointment));
        assertTrue(replica.upserted.stream().noneMatch(foreign::contains), replica.upserted.toString());
        assertTrue(replica.records.keySet().stream().noneMatch(foreign::contains));
        assertFalse(replica.request(null, 500).asString().contains(otherGaragesJob.toString()));
        replica.assertChecksumMatches();
    }

    @Test
    void statusChangeThroughTheDomainReachesMyNextSync() {
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        UUID job = tomsOpenJob;

        workshop.change(alice, job, JobStatus.IN_PROGRESS);

        String key = SyncReplica.key("job", job);
        replica.catchUpUntil(100, r -> r.upserted.contains(key));
        assertEquals("IN_PROGRESS", replica.records.get(key).get("status"));
        assertEquals(Set.of(key), Set.copyOf(replica.upserted), "only the changed job");
        replica.assertChecksumMatches();
    }

    @Test
    void myOwnChangeThroughTheApiComesBackInMyNextSync() {
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        UUID job = tomsOpenJob;

        given().auth().oauth2(TOKENS.of(tom)).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"status\": \"IN_PROGRESS\"}")
                .when().post("/api/v1/jobs/{id}/status", job).then().statusCode(200);

        String key = SyncReplica.key("job", job);
        replica.catchUpUntil(100, r -> r.upserted.contains(key));
        assertEquals("IN_PROGRESS", replica.records.get(key).get("status"));
        replica.assertChecksumMatches();
    }

    @Test
    void reassignedJobIsATombstoneForTheOldTechnicianAndAnUpsertForTheNew() {
        SyncReplica toms = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        SyncReplica tinas = new SyncReplica(TOKENS.of(tina)).catchUp(100);
        UUID job = tomsOpenJob;
        String key = SyncReplica.key("job", job);

        workshop.assign(alice, job, tina);
        workshop.unassign(alice, job, tom);

        toms.catchUpUntil(100, r -> r.tombstoned.contains(key));
        assertFalse(toms.records.containsKey(key));
        toms.assertChecksumMatches();
        tinas.catchUpUntil(100, r -> r.records.containsKey(key));
        assertEquals(true, tinas.records.get(key).get("assignedToMe"));
        tinas.assertChecksumMatches();
    }

    @Test
    void recordsOfAReassignedJobFollowItToTheNewTechnician() {
        UUID job = tomsOpenJob;
        UUID entry = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        garage.sql("insert into time_entry (id, garage_id, job_id, technician_id, kind, started_at, ended_at,"
                + " recorded_at, ended_recorded_at, source) values (?, ?, ?, ?, 'WORK', now() - interval '2 hours',"
                + " now() - interval '1 hour', now(), now(), 'ONLINE')", entry, garage.garageId, job, tom.id());
        garage.sql("insert into part_request (id, garage_id, job_id, description, quantity, status, requested_by)"
                + " values (?, ?, ?, 'Wiper blade set', 1, 'REQUESTED', ?)", request, garage.garageId, job, tom.id());
        UUID photo = garage.media(job, "job", job, tom);
        List<String> keys = List.of(SyncReplica.key("time-entry", entry), SyncReplica.key("part-request", request),
                SyncReplica.key("media", photo));
        SyncReplica toms = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        SyncReplica tinas = new SyncReplica(TOKENS.of(tina)).catchUp(100);
        assertTrue(toms.records.keySet().containsAll(keys));
        keys.forEach(key -> assertFalse(tinas.records.containsKey(key), key));

        workshop.assign(alice, job, tina);
        workshop.unassign(alice, job, tom);

        tinas.catchUpUntil(100, r -> r.records.keySet().containsAll(keys));
        tinas.assertChecksumMatches();
        toms.catchUpUntil(100, r -> r.tombstoned.containsAll(keys));
        keys.forEach(key -> assertFalse(toms.records.containsKey(key), key));
        toms.assertChecksumMatches();
    }

    @Test
    void deletedJobIsATombstone() {
        UUID job = garage.job(carl, carlsCar).assignedTo(tom).step("Inspect").create();
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        String key = SyncReplica.key("job", job);
        assertTrue(replica.records.containsKey(key));

        garage.sql("delete from job_card where id = ?", job);

        replica.catchUpUntil(100, r -> r.tombstoned.contains(key));
        assertFalse(replica.records.containsKey(key));
        assertTrue(replica.upserted.isEmpty(), replica.upserted.toString());
        replica.assertChecksumMatches();
    }

    @Test
    void closedJobOlderThanTheWindowLeavesAsATombstoneWithoutAnyChange() {
        UUID job = garage.job(carl, carlsCar).assignedTo(tom).status("CLOSED")
                .closedAt(Instant.now().minus(Duration.ofDays(8))).create();
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        assertFalse(replica.records.containsKey(SyncReplica.key("job", job)), "out of the 7-day window");
        // A cursor issued 10 days ago, when the job (closed 8 days ago) was still in the window.
        SyncCursor now = decode(replica.cursor);
        replica.cursor = SyncCursor.changes(now.txid(), now.seq(), Instant.now().minus(Duration.ofDays(10))).encode();

        replica.catchUp(100);

        assertEquals(java.util.List.of(SyncReplica.key("job", job)), replica.tombstoned);
        assertTrue(replica.upserted.isEmpty());
        replica.assertChecksumMatches();
    }

    @Test
    void laterCommitIsNotDeliveredPastAnOpenTransaction() throws Exception {
        SyncReplica replica = new SyncReplica(TOKENS.of(tom)).catchUp(100);
        UUID early = tomsOpenJob;
        UUID late = tomsJobs.stream().filter(id -> !id.equals(early)).findFirst().orElseThrow();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            try (PreparedStatement change = open.prepareStatement(
                    "update job_card set concern = 'Changed first, committed last' where id = ?")) {
                change.setObject(1, early);
                change.executeUpdate();
            }
            garage.sql("update job_card set concern = 'Changed second, committed first' where id = ?", late);

            replica.catchUp(100);
            assertTrue(replica.upserted.isEmpty(), "nothing passes the open transaction: " + replica.upserted);
            String heldAt = replica.cursor;
            open.commit();

            replica.catchUpUntil(100, r -> r.upserted.containsAll(Set.of(SyncReplica.key("job", early),
                    SyncReplica.key("job", late))));
            assertEquals("Changed first, committed last", replica.records.get(SyncReplica.key("job", early))
                    .get("concern"));
            assertEquals("Changed second, committed first", replica.records.get(SyncReplica.key("job", late))
                    .get("concern"));
            assertTrue(decode(heldAt).txid() < decode(replica.cursor).txid());
        }
        replica.assertChecksumMatches();
    }

    @Test
    void malformedCursorAsksTheAppToResyncFromScratch() {
        for (String bad : new String[] {"not-a-cursor", "AAAA", "x".repeat(200), "%%%"}) {
            given().auth().oauth2(TOKENS.of(tom)).queryParam("cursor", bad)
                    .when().get("/api/v1/sync")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:garage:problem:resync-required"));
        }
    }

    @Test
    void expiredCursorAsksTheAppToResyncFromScratch() {
        String expired = SyncCursor.changes(1, 1, Instant.now().minus(Duration.ofDays(31))).encode();
        given().auth().oauth2(TOKENS.of(tom)).queryParam("cursor", expired)
                .when().get("/api/v1/sync")
                .then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:resync-required"))
                .body("detail", equalTo("The sync cursor has expired. Sync again without a cursor."));
    }

    @Test
    void limitAboveTheMaximumIsRefusedNamingTheParameter() {
        given().auth().oauth2(TOKENS.of(tom)).queryParam("limit", 501)
                .when().get("/api/v1/sync")
                .then().statusCode(400)
                .body("type", equalTo("urn:garage:problem:validation"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("limit")));
    }

    @Test
    void navigationOffersSyncToEveryStaffRole() {
        for (Person staff : new Person[] {tom, alice}) {
            given().auth().oauth2(TOKENS.of(staff)).when().get("/api/v1/navigation")
                    .then().statusCode(200).body("sections.find { it.id == 'sync' }.path", equalTo("/api/v1/sync"));
        }
    }

    @Test
    void customerTokenIsRefused() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/sync").then().statusCode(403);
    }

    private static SyncCursor decode(String cursor) {
        return SyncCursor.decode(cursor, Instant.now(), Duration.ofDays(30));
    }

    private static Set<String> jobKeys(Set<UUID> ids) {
        Set<String> keys = new TreeSet<>();
        ids.forEach(id -> keys.add(SyncReplica.key("job", id)));
        return keys;
    }

    private long rev(UUID id) {
        return rows.count("select max(seq) from sync_change where entity_type = 'job' and entity_id = ?", id);
    }

    private Map<String, Object> expectedChecksum(Set<UUID> jobs) {
        long xor = 0;
        for (UUID id : jobs) {
            xor ^= SyncChecksum.item("job", id.toString(), rev(id));
        }
        return Map.of("count", jobs.size(), "hash", HexFormat.of().toHexDigits(xor));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(SyncReplica replica) {
        return replica.records.values().stream()
                .map(job -> (Map<String, Object>) job.get("estimate"))
                .filter(estimate -> estimate != null && !((java.util.List<?>) estimate.get("lines")).isEmpty())
                .map(estimate -> ((java.util.List<Map<String, Object>>) estimate.get("lines")).get(0))
                .findFirst().orElseThrow();
    }
}
