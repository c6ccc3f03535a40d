package com.garage.mobile.customer.sync;

import static com.garage.mobile.customer.SignInTest.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CustomerSyncTest {

    @Inject
    DataSource dataSource;

    @Inject
    JobStatusService statuses;

    @Inject
    JobAssignmentService assignments;

    Rows rows;
    Workshop workshop;
    GarageFixture garage;
    Person alice;
    Person tom;
    Person carl;
    Person dana;
    UUID carlsCar;
    UUID carlsVan;
    UUID carlsAppointment;
    UUID carlsJob;
    UUID carlsOldJob;
    UUID danasCar;
    UUID danasJob;
    UUID otherGaragesJob;

    @BeforeEach
    void createCustomers() {
        rows = new Rows(dataSource);
        workshop = new Workshop(statuses, assignments);
        garage = GarageFixture.create(dataSource);
        alice = garage.advisor("Alice Morgan");
        tom = garage.technician("Tom Reyes");
        carl = garage.customer("Carl", "Jensen");
        dana = garage.customer("Dana", "Okafor");
        carlsCar = garage.vehicle(carl);
        carlsVan = garage.vehicle(carl);
        carlsAppointment = garage.appointment(carl, carlsCar, Instant.now().plus(Duration.ofDays(3)), "CONFIRMED");
        carlsJob = garage.job(carl, carlsCar).assignedTo(tom).advisor(alice).step("Inspect brakes")
                .part("Brake pads", "BP-SECRET-7", 4500, 2177)
                .note("INTERNAL", "Internal: customer haggles", alice)
                .note("CUSTOMER", "Your pads arrive tomorrow", alice).create();
        carlsOldJob = garage.job(carl, carlsVan).status("CLOSED")
                .closedAt(Instant.now().minus(Duration.ofDays(90))).create();
        danasCar = garage.vehicle(dana);
        danasJob = garage.job(dana, danasCar).assignedTo(tom).create();

        GarageFixture other = GarageFixture.create(dataSource);
        Person otherCarl = other.customer("Carl", "Jensen");
        otherGaragesJob = other.job(otherCarl, other.vehicle(otherCarl)).create();
    }

    @Test
    void fullSyncInPagesIsMyProfileVehiclesAppointmentsAndJobsWithAMatchingChecksum() {
        SyncReplica replica = new SyncReplica(TOKENS.of(carl)).catchUp(2);

        assertEquals(mine(), new TreeSet<>(replica.records.keySet()));
        assertTrue(replica.pages >= 3);
        replica.assertChecksumMatches();
        assertEquals(expectedChecksum(), replica.checksum, "the checksum of the records as stored");
        assertEquals("Carl", replica.records.get(SyncReplica.key("customer", carl.id())).get("firstName"));
        assertEquals("Your pads arrive tomorrow", sharedNote(replica.records.get(SyncReplica.key("job", carlsJob))));
    }

    @Test
    void customerCopyHoldsNoInternalNotesCostPricesOrPartNumbers() {
        String page = new SyncReplica(TOKENS.of(carl)).request(null, 500).then().statusCode(200).extract().asString();

        assertFalse(page.contains("Internal: customer haggles"));
        // As a value, not as text: "2177" can turn up inside a random id or a timestamp.
        assertFalse(Pattern.compile(":\\s*(2177|21\\.77)\\b").matcher(page).find(), "the cost price");
        assertFalse(page.contains("BP-SECRET-7"));
        assertFalse(page.contains("costPrice"));
    }

    @Test
    void nothingOfAnotherCustomerOrGarageEverAppears() {
        SyncReplica replica = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        workshop.change(alice, danasJob, JobStatus.IN_PROGRESS);
        garage.sql("update customer set phone = '+44 20 7946 0999' where id = ?", dana.id());
        garage.sql("update vehicle set colour = 'Blue' where id = ?", danasCar);
        replica.catchUp(100);

        Set<String> foreign = Set.of(SyncReplica.key("job", danasJob), SyncReplica.key("vehicle", danasCar),
                SyncReplica.key("customer", dana.id()), SyncReplica.key("job", otherGaragesJob));
        assertTrue(replica.upserted.stream().noneMatch(foreign::contains), replica.upserted.toString());
        assertTrue(replica.tombstoned.stream().noneMatch(foreign::contains), replica.tombstoned.toString());
        assertEquals(mine(), new TreeSet<>(replica.records.keySet()));
        replica.assertChecksumMatches();
    }

    @Test
    void statusChangeMadeInTheBayReachesTheCustomersNextSync() {
        SyncReplica replica = new SyncReplica(TOKENS.of(carl)).catchUp(100);

        workshop.change(tom, carlsJob, JobStatus.IN_PROGRESS);

        String key = SyncReplica.key("job", carlsJob);
        replica.catchUpUntil(100, r -> r.upserted.contains(key));
        assertEquals("IN_PROGRESS", replica.records.get(key).get("status"));
        replica.assertChecksumMatches();
    }

    @Test
    void vehicleMovedToAnotherCustomerLeavesTheOldOwnersCopyAndJoinsTheNewOnes() {
        SyncReplica carls = new SyncReplica(TOKENS.of(carl)).catchUp(100);
        SyncReplica danas = new SyncReplica(TOKENS.of(dana)).catchUp(100);
        String van = SyncReplica.key("vehicle", carlsVan);

        garage.sql("update vehicle set customer_id = ? where id = ?", dana.id(), carlsVan);

        carls.catchUpUntil(100, r -> r.tombstoned.contains(van));
        assertFalse(carls.records.containsKey(van));
        carls.assertChecksumMatches();
        danas.catchUpUntil(100, r -> r.records.containsKey(van));
        danas.assertChecksumMatches();
    }

    @Test
    void malformedOrExpiredCursorAsksTheAppToResyncFromScratch() {
        given().auth().oauth2(TOKENS.of(carl)).queryParam("cursor", "garbage")
                .when().get("/api/v1/sync")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:resync-required"));
        String expired = SyncCursor.changes(1, 1, Instant.now().minus(Duration.ofDays(40))).encode();
        given().auth().oauth2(TOKENS.of(carl)).queryParam("cursor", expired)
                .when().get("/api/v1/sync")
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:garage:problem:resync-required"));
    }

    @Test
    void limitMustBeAWholeNumberUpToTheMaximum() {
        for (String bad : new String[] {"0", "501", "ten"}) {
            given().auth().oauth2(TOKENS.of(carl)).queryParam("limit", bad)
                    .when().get("/api/v1/sync")
                    .then().statusCode(400)
                    .body("type", equalTo("urn:garage:problem:validation"))
                    .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("limit")));
        }
    }

    @Test
    void navigationOffersSync() {
        given().auth().oauth2(TOKENS.of(carl)).when().get("/api/v1/navigation")
                .then().statusCode(200).body("sections.id", hasItem("sync"));
    }

    private Set<String> mine() {
        return new TreeSet<>(Set.of(SyncReplica.key("customer", carl.id()), SyncReplica.key("vehicle", carlsCar),
                SyncReplica.key("vehicle", carlsVan), SyncReplica.key("appointment", carlsAppointment),
                SyncReplica.key("job", carlsJob), SyncReplica.key("job", carlsOldJob)));
    }

    private Map<String, Object> expectedChecksum() {
        long xor = 0;
        for (String key : mine()) {
            String[] parts = key.split(":");
            long rev = rows.count("select max(seq) from sync_change where entity_type = ? and entity_id = ?",
                    parts[0], UUID.fromString(parts[1]));
            xor ^= SyncChecksum.item(parts[0], parts[1], rev);
        }
        return Map.of("count", mine().size(), "hash", HexFormat.of().toHexDigits(xor));
    }

    @SuppressWarnings("unchecked")
    private static String sharedNote(Map<String, Object> job) {
        var notes = (java.util.List<Map<String, Object>>) job.get("notes");
        assertEquals(1, notes.size(), "only the note shared with the customer");
        return (String) notes.get(0).get("body");
    }
}
