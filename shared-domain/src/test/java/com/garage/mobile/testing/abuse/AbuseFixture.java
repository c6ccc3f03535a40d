package com.garage.mobile.testing.abuse;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The world the abuse suite attacks: a garage with its staff and two customers, and another
 * garage. Every kind of record exists three times: the caller's own, another customer's in the
 * same garage, and one in the other garage, so any path parameter can be filled with each.
 */
public final class AbuseFixture {

    public final GarageFixture home;
    public final GarageFixture other;
    public final Person admin;
    public final Person advisor;
    public final Person technician;
    /** The customer whose records are "own" in the customer app. */
    public final Person customer;
    public final Person otherCustomer;
    public final Person otherGaragesCustomer;
    private final Rows rows;
    private final Map<String, Ids> collections = new HashMap<>();
    private final Map<Person, UUID> jobs = new HashMap<>();

    /** One collection's ids: the caller's own, another garage's and another customer's. */
    public record Ids(UUID own, UUID otherGarage, UUID otherCustomer) {

        public UUID of(Foreign kind) {
            return kind == Foreign.OTHER_GARAGE ? otherGarage : otherCustomer;
        }
    }

    /** Whose record a path parameter is filled with instead of the caller's own. */
    public enum Foreign {
        OTHER_GARAGE("another garage's"),
        OTHER_CUSTOMER("another customer's");

        private final String label;

        Foreign(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private AbuseFixture(DataSource dataSource) {
        rows = new Rows(dataSource);
        home = GarageFixture.create(dataSource);
        other = GarageFixture.create(dataSource);
        admin = home.admin("Ada Brennan");
        advisor = home.advisor("Alice Morgan");
        technician = home.technician("Tom Reyes");
        customer = home.customer("Carl", "Jensen");
        otherCustomer = home.customer("Cora", "Li");
        otherGaragesCustomer = other.customer("Sam", "Other");
        Map<Person, Map<String, UUID>> owned = Map.of(customer, records(home, customer, technician),
                otherCustomer, records(home, otherCustomer, technician),
                otherGaragesCustomer, records(other, otherGaragesCustomer, other.technician("Otto")));
        for (String collection : owned.get(customer).keySet()) {
            collections.put(collection, new Ids(owned.get(customer).get(collection),
                    owned.get(otherGaragesCustomer).get(collection), owned.get(otherCustomer).get(collection)));
        }
    }

    public static AbuseFixture create(DataSource dataSource) {
        return new AbuseFixture(dataSource);
    }

    /** The ids of a collection, by the path segment that names it (e.g. {@code jobs}). */
    public Ids ids(String collection) {
        return collections.get(collection);
    }

    /** A new estimate line awaiting the customer's decision on their own job, at version 0. */
    public UUID pendingLine() {
        UUID line = UUID.randomUUID();
        UUID job = jobs.get(customer);
        int position = (int) rows.count("select count(*) from estimate_line where job_id = ?", job);
        home.sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, quantity,"
                + " unit_price_minor, tax_rate_bp) values (?, ?, ?, ?, 'LABOUR', 'Diagnosis', 1, 4500, 2000)",
                line, home.garageId, job, position);
        return line;
    }

    private Map<String, UUID> records(GarageFixture garage, Person owner, Person technician) {
        UUID vehicle = garage.vehicle(owner);
        UUID appointment = garage.appointment(owner, vehicle, Instant.now().plusSeconds(86_400), "CONFIRMED");
        UUID job = garage.job(owner, vehicle).assignedTo(technician).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
        jobs.put(owner, job);
        UUID line = (UUID) rows.one("select id from estimate_line where job_id = ?", job).get("id");
        return Map.of("vehicles", vehicle, "appointments", appointment, "jobs", job, "estimate-lines", line);
    }
}
