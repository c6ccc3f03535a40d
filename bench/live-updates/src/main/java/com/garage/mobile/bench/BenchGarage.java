package com.garage.mobile.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A garage of the benchmark's own in PostgreSQL: one technician, many customers, some jobs. */
final class BenchGarage {

    final UUID id = UUID.randomUUID();
    final UUID technicianId = UUID.randomUUID();
    final String technicianSubject = "bench-tech-" + technicianId;
    final List<UUID> customerIds = new ArrayList<>();
    final List<UUID> jobIds = new ArrayList<>();
    private final String jdbcUrl;

    BenchGarage(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    static String customerSubject(UUID customerId) {
        return "bench-customer-" + customerId;
    }

    /** One job of this garage with the tokens of its technician and its customer. */
    record Seat(UUID jobId, String technicianToken, String customerToken) {
    }

    List<Seat> seats() {
        String technicianToken = BenchTokens.of(technicianSubject, id, "technician", "technician-bff");
        List<Seat> seats = new ArrayList<>();
        for (int i = 0; i < jobIds.size(); i++) {
            seats.add(new Seat(jobIds.get(i), technicianToken,
                    BenchTokens.of(customerSubject(customerIds.get(i)), id, "customer", "customer-bff")));
        }
        return seats;
    }

    /** Writes the garage with {@code customers} customers; the first {@code jobs} of them have a job in progress. */
    BenchGarage create(int customers, int jobs) throws SQLException {
        BenchSchema.prepare(jdbcUrl);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "garage", "garage")) {
            db.setAutoCommit(false);
            run(db, "insert into garage (id, name, time_zone, currency, tax_rate_bp) values (?, ?, 'Europe/London',"
                    + " 'GBP', 2000)", id, "Bench " + id.toString().substring(0, 8));
            run(db, "insert into staff (id, garage_id, oidc_subject, role, display_name) values (?, ?, ?, 'TECHNICIAN',"
                    + " 'Bench Technician')", technicianId, id, technicianSubject);
            try (PreparedStatement insert = db.prepareStatement("insert into customer (id, garage_id, oidc_subject,"
                    + " first_name, last_name) values (?, ?, ?, 'Bench', ?)")) {
                for (int i = 0; i < customers; i++) {
                    UUID customer = UUID.randomUUID();
                    customerIds.add(customer);
                    insert.setObject(1, customer);
                    insert.setObject(2, id);
                    insert.setString(3, customerSubject(customer));
                    insert.setString(4, "Customer " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (int i = 0; i < jobs; i++) {
                jobIds.add(job(db, customerIds.get(i), i));
            }
            db.commit();
        }
        BenchSchema.analyze(jdbcUrl);
        return this;
    }

    private UUID job(Connection db, UUID customer, int number) throws SQLException {
        UUID vehicle = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        run(db, "insert into vehicle (id, garage_id, customer_id, vin, make, model) values (?, ?, ?, ?, 'Volkswagen',"
                + " 'Golf')", vehicle, id, customer, "WVWBENCH" + String.format("%09d", number));
        run(db, "insert into job_card (id, garage_id, number, customer_id, vehicle_id, status, concern) values"
                + " (?, ?, ?, ?, ?, 'IN_PROGRESS', 'Benchmark')", job, id, number + 1, customer, vehicle);
        run(db, "insert into job_assignment (job_id, technician_id, garage_id) values (?, ?, ?)", job, technicianId,
                id);
        return job;
    }

    private static void run(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
