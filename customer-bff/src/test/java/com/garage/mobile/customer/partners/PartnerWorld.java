package com.garage.mobile.customer.partners;

import static org.awaitility.Awaitility.await;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.PartnerStub;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A garage offering the stub's roadside partner and NHTSA recalls; Carl owns a 2003 Honda Accord
 * (the VIN of NHTSA's own examples, whose recall the stub has recorded); an advisor.
 */
final class PartnerWorld {

    static final String VIN = "1HGCM82633A004352";

    final Rows rows;
    final GarageFixture garage;
    final Person carl;
    final Person advisor;
    final UUID accord;

    private PartnerWorld(DataSource dataSource) {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        advisor = garage.advisor("Ava Stone");
        accord = garage.vehicle(carl);
        garage.sql("update vehicle set vin = ?, make = 'Honda', model = 'Accord', model_year = 2003, mileage_km = 44200"
                + " where id = ?", VIN, accord);
        garage.sql("insert into garage_partner (garage_id, partner, kind, display_name, terms, data_shared) values"
                + " (?, ?, 'ROADSIDE', 'Demo Roadside', 'Help within 60 minutes, paid by the garage.',"
                + " array['location', 'vehicle', 'callback phone'])", garage.garageId, PartnerStub.PARTNER);
        garage.sql("insert into garage_partner (garage_id, partner, kind, display_name, terms, data_shared) values"
                + " (?, 'nhtsa', 'RECALLS', 'NHTSA recalls', 'Public recall data by make, model and year.',"
                + " array['make', 'model', 'model year'])", garage.garageId);
    }

    /**
     * A new world that nothing of an earlier test gets in the way of: the stub's shared mappings only, every breaker
     * closed, and no roadside call of an earlier test left to retry, where it would hit this test's stub answers and
     * count towards this test's breaker.
     */
    static PartnerWorld fresh(DataSource dataSource, CircuitBreakerMaintenance breakers) {
        PartnerStub.reset();
        PartnerWorld world = new PartnerWorld(dataSource);
        world.dropRoadsideCallsLeftByEarlierTests();
        breakers.resetAll();
        return world;
    }

    /** A fresh world for a test of NHTSA's recalls, with nothing cached. */
    static PartnerWorld withFreshRecalls(DataSource dataSource, CircuitBreakerMaintenance breakers) {
        PartnerWorld world = fresh(dataSource, breakers);
        world.garage.sql("delete from recall_cache where make = 'HONDA' and model = 'ACCORD'");
        return world;
    }

    /** The waiting calls are dropped, and one already in flight is waited for (it may fail back to waiting). */
    private void dropRoadsideCallsLeftByEarlierTests() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            garage.sql("update outbound_work set status = 'DROPPED', closed_as = 'TEST_DONE', done_at = now()"
                    + " where kind = 'roadside-call' and status = 'PENDING'");
            return rows.count("select count(*) from outbound_work where kind = 'roadside-call'"
                    + " and status in ('PENDING', 'SENDING')") == 0;
        });
    }

    void consent(Person person, String category) {
        garage.sql("insert into notification_consent (garage_id, " + person.ownerColumn() + ", category, granted,"
                + " source_app, source_screen, policy_version) values (?, ?, ?, true, ?, 'settings/notifications',"
                + " '2025-06')", person.garageId(), person.id(), category,
                person.role().equals("customer") ? "customer-app" : "technician-app");
    }

    UUID phone(Person person) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into push_device (id, garage_id, " + person.ownerColumn() + ", platform, token, app_version,"
                + " os_version, locale, time_zone) values (?, ?, ?, 'ANDROID', ?, '3.2.0', '17.4', 'en-GB',"
                + " 'Europe/London')", id, person.garageId(), person.id(), "fcm-" + UUID.randomUUID());
        return id;
    }

    long pushes(UUID device, String category) {
        return rows.count("select count(*) from notification_outbox where device_id = ? and category = ?", device,
                category);
    }

    long requests() {
        return rows.count("select count(*) from roadside_request where customer_id = ?", carl.id());
    }
}
