package com.garage.mobile.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes a fresh garage and its people, vehicles and jobs straight into PostgreSQL for a test.
 * Every fixture has its own garage, so tests never see each other's rows.
 */
public final class GarageFixture {

    /** The default inspection template the local stack's demo data seeds too: tyres, brakes, under the bonnet. */
    public static final String DEFAULT_TEMPLATE = """
            [{"title": "Tyres", "items": [
              {"key": "tyre-front-left", "label": "Front left tyre", "customerVisible": true, "measurements": [
                {"key": "tread", "label": "Tread depth", "unit": "mm", "badWhen": "BELOW", "yellowAt": 3, "redAt": 1.6}]},
              {"key": "tyre-front-right", "label": "Front right tyre", "customerVisible": true, "measurements": [
                {"key": "tread", "label": "Tread depth", "unit": "mm", "badWhen": "BELOW", "yellowAt": 3, "redAt": 1.6}]}]},
             {"title": "Brakes", "items": [
              {"key": "brake-pads-front", "label": "Front brake pads", "customerVisible": true, "measurements": [
                {"key": "pad", "label": "Pad thickness", "unit": "mm", "badWhen": "BELOW", "yellowAt": 4, "redAt": 2}]},
              {"key": "brake-fluid", "label": "Brake fluid", "customerVisible": true, "measurements": [
                {"key": "moisture", "label": "Water content", "unit": "%", "badWhen": "ABOVE", "yellowAt": 2, "redAt": 3}]}]},
             {"title": "Under the bonnet", "items": [
              {"key": "engine-oil", "label": "Engine oil", "customerVisible": true, "measurements": []},
              {"key": "workshop-checks", "label": "Workshop checks (internal)", "customerVisible": false,
               "measurements": []}]}]""";

    private final DataSource dataSource;
    public final UUID garageId;
    private int nextJobNumber = 1000;

    private GarageFixture(DataSource dataSource, UUID garageId) {
        this.dataSource = dataSource;
        this.garageId = garageId;
    }

    public static GarageFixture create(DataSource dataSource) {
        return withId(dataSource, UUID.randomUUID());
    }

    /** The garage a deployment setting names by its id: made by the first test that needs it, then shared. */
    public static GarageFixture withId(DataSource dataSource, UUID garageId) {
        GarageFixture fixture = new GarageFixture(dataSource, garageId);
        fixture.sql("insert into garage (id, name, time_zone, currency, tax_rate_bp) values (?, ?, ?, ?, ?)"
                + " on conflict (id) do nothing", fixture.garageId,
                "Garage " + fixture.garageId.toString().substring(0, 8), "Europe/London", "GBP", 2000);
        return fixture;
    }

    public Person technician(String name) {
        return staff("TECHNICIAN", name);
    }

    public Person advisor(String name) {
        return staff("ADVISOR", name);
    }

    public Person admin(String name) {
        return staff("ADMIN", name);
    }

    public Person staff(String role, String name) {
        UUID id = UUID.randomUUID();
        String subject = "staff-" + id;
        sql("insert into staff (id, garage_id, oidc_subject, role, display_name) values (?, ?, ?, ?, ?)",
                id, garageId, subject, role, name);
        return new Person(id, garageId, subject, role.toLowerCase(), name);
    }

    public Person customer(String firstName, String lastName) {
        UUID id = UUID.randomUUID();
        String subject = "customer-" + id;
        sql("insert into customer (id, garage_id, oidc_subject, first_name, last_name, email, phone)"
                + " values (?, ?, ?, ?, ?, ?, ?)", id, garageId, subject, firstName, lastName,
                firstName.toLowerCase() + "@example.com", "+44 20 7946 0000");
        return new Person(id, garageId, subject, "customer", firstName + " " + lastName);
    }

    public UUID vehicle(Person owner) {
        UUID id = UUID.randomUUID();
        sql("insert into vehicle (id, garage_id, customer_id, vin, make, model, model_year, registration_plate)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, garageId, owner.id(), randomVin(), "Volkswagen", "Golf",
                (short) 2019, "AB19 CDE");
        return id;
    }

    public UUID appointment(Person owner, UUID vehicleId, Instant startsAt, String status) {
        UUID id = UUID.randomUUID();
        sql("insert into appointment (id, garage_id, customer_id, vehicle_id, starts_at, ends_at, status,"
                + " service_requested) values (?, ?, ?, ?, ?, ?, ?, ?)", id, garageId, owner.id(), vehicleId,
                startsAt, startsAt.plusSeconds(3600), status, "Annual service");
        return id;
    }

    /** The default inspection template, written by the advisor or admin named. */
    public UUID inspectionTemplate(Person author) {
        UUID id = UUID.randomUUID();
        sql("insert into inspection_template (id, garage_id, name, sections, created_by, created_at, updated_at)"
                + " values (?, ?, 'Standard inspection', ?, ?, now(), now())", id, garageId, DEFAULT_TEMPLATE,
                author.id());
        return id;
    }

    /**
     * An inspection of the job, in progress, with one customer-visible item measuring tread depth
     * ({@code tyre-front-left}) and one internal item ({@code workshop-checks}); answers the inspection's id.
     */
    public UUID inspection(UUID jobId, UUID templateId, Person startedBy) {
        UUID id = UUID.randomUUID();
        sql("insert into inspection (id, garage_id, job_id, vehicle_id, template_id, template_version, status,"
                + " started_by, created_at, updated_at) select ?, garage_id, id, vehicle_id, ?, 0, 'IN_PROGRESS', ?,"
                + " now(), now() from job_card where id = ?", id, templateId, startedBy.id(), jobId);
        sql("insert into inspection_item (id, garage_id, inspection_id, job_id, position, section, item_key, label,"
                + " customer_visible, measurement_specs, created_at, updated_at) values (?, ?, ?, ?, 0, 'Tyres',"
                + " 'tyre-front-left', 'Front left tyre', true, ?, now(), now())", UUID.randomUUID(), garageId,
                id, jobId, "[{\"key\": \"tread\", \"label\": \"Tread depth\", \"unit\": \"mm\","
                        + " \"badWhen\": \"BELOW\", \"yellowAt\": 3, \"redAt\": 1.6}]");
        sql("insert into inspection_item (id, garage_id, inspection_id, job_id, position, section, item_key, label,"
                + " customer_visible, created_at, updated_at) values (?, ?, ?, ?, 1, 'Under the bonnet',"
                + " 'workshop-checks', 'Workshop checks (internal)', false, now(), now())", UUID.randomUUID(),
                garageId, id, jobId);
        return id;
    }

    public JobBuilder job(Person customer, UUID vehicleId) {
        return new JobBuilder(customer, vehicleId);
    }

    /** A stored media on the job, attached to the target, with a thumbnail; its bytes are not in any store. */
    public UUID media(UUID jobId, String targetType, UUID targetId, Person uploader) {
        UUID id = UUID.randomUUID();
        String key = garageId + "/" + jobId + "/" + id;
        String uploadedBy = "customer".equals(uploader.role()) ? "uploaded_by_customer" : "uploaded_by";
        sql("insert into media (id, garage_id, job_id, target_type, target_id, kind, status, content_type, declared_size,"
                + " object_key, sha256, thumbnail_key, " + uploadedBy + ", created_at, updated_at, stored_at) values (?,"
                + " ?, ?, ?, ?, 'PHOTO', 'STORED', 'image/jpeg', 1000, ?, repeat('a', 64), ?, ?, now(), now(), now())",
                id, garageId, jobId, targetType, targetId, key, key + ".thumbnail.jpg", uploader.id());
        return id;
    }

    /** An unfinished upload of a video to the job, begun by the uploader; nothing of it is in any store. */
    public UUID upload(UUID jobId, Person uploader) {
        UUID id = UUID.randomUUID();
        sql("insert into media (id, garage_id, job_id, target_type, target_id, kind, status, content_type,"
                + " declared_size, object_key, uploaded_by, created_at, updated_at) values (?, ?, ?, 'job', ?, 'VIDEO',"
                + " 'UPLOADING', 'video/mp4', 10000000, ?, ?, now(), now())",
                id, garageId, jobId, jobId, garageId + "/" + jobId + "/" + id, uploader.id());
        sql("insert into media_upload (id, garage_id, created_by, upload_length, multipart_id, fingerprint, status,"
                + " expires_at, created_at, updated_at) values (?, ?, ?, 10000000, 'multipart-' || ?::text,"
                + " repeat('b', 64), 'OPEN', now() + interval '1 day', now(), now())", id, garageId, uploader.id(), id);
        return id;
    }

    /** A signed approval record of the customer on revision 1 of the job's estimate, declining nothing. */
    public UUID approval(UUID jobId, Person customer) {
        UUID id = UUID.randomUUID();
        sql("insert into estimate_approval (id, garage_id, job_id, customer_id, revision, content_hash, shown_content,"
                + " decisions, signer_name, signature_kind, consent_text, consent_version, acr, amr, auth_time, subject,"
                + " decided_at) values (?, ?, ?, ?, 1, repeat('c', 64), ?, '[]', ?, 'TYPED', 'I approve the work.',"
                + " 'v1', null, 'bio', now(), ?, now())", id, garageId, jobId, customer.id(),
                "{\"jobId\":\"" + jobId + "\",\"revision\":1,\"currency\":\"GBP\",\"lines\":[],\"netMinor\":0,"
                        + "\"taxMinor\":0,\"grossMinor\":0}", customer.displayName(), customer.subject());
        return id;
    }

    /** A past service of the vehicle: a closed job at that mileage whose one step is done. */
    public UUID pastService(Person customer, UUID vehicleId, String step, int mileageKm, Instant closedAt) {
        UUID jobId = job(customer, vehicleId).step(step).status("CLOSED").closedAt(closedAt).create();
        sql("update job_card set mileage_in_km = ? where id = ?", mileageKm, jobId);
        sql("update job_step set status = 'DONE' where job_id = ?", jobId);
        return jobId;
    }

    /** A running experiment of the customer app, by person, everyone exposed; variants as {@code name:weight}. */
    public UUID customerExperiment(String key, String... variants) {
        UUID id = UUID.randomUUID();
        String weights = Arrays.stream(variants).map(variant -> variant.split(":"))
                .map(pair -> "{\"name\": \"" + pair[0] + "\", \"weight\": " + pair[1] + "}")
                .collect(Collectors.joining(", ", "[", "]"));
        sql("insert into experiment (id, garage_id, key, kind, unit, salt, variants, targeting, exposure_percent,"
                + " status, created_at, updated_at) values (?, ?, ?, 'EXPERIMENT', 'USER', ?, ?::jsonb,"
                + " '{\"apps\": [\"customer\"]}'::jsonb, 100, 'RUNNING', now(), now())", id, garageId, key,
                id.toString(), weights);
        return id;
    }

    /** Runs a statement in its own transaction. */
    public void sql(String statement, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i] instanceof Instant instant ? Timestamp.from(instant) : params[i];
                prepared.setObject(i + 1, value);
            }
            prepared.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /** A VIN outside North America, where the check digit is not enforced. */
    private static String randomVin() {
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        StringBuilder vin = new StringBuilder("WVW");
        for (int i = 0; i < 14; i++) {
            vin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return vin.toString();
    }

    /** A job card under construction; {@link #create()} writes it with its parts. */
    public final class JobBuilder {
        private final Person customer;
        private final UUID vehicleId;
        private final List<Person> technicians = new ArrayList<>();
        private final List<String> steps = new ArrayList<>();
        private final List<Map<String, Object>> lines = new ArrayList<>();
        private final List<String[]> notes = new ArrayList<>();
        private Person advisor;
        private String status = "OPEN";
        private Instant promisedAt;
        private Instant createdAt = Instant.now();
        private Instant closedAt;

        private JobBuilder(Person customer, UUID vehicleId) {
            this.customer = customer;
            this.vehicleId = vehicleId;
        }

        public JobBuilder assignedTo(Person technician) {
            technicians.add(technician);
            return this;
        }

        public JobBuilder advisor(Person value) {
            advisor = value;
            return this;
        }

        public JobBuilder status(String value) {
            status = value;
            boolean finished = value.equals("CLOSED") || value.equals("CANCELLED");
            closedAt = finished ? Instant.now() : null;
            return this;
        }

        public JobBuilder closedAt(Instant value) {
            closedAt = value;
            return this;
        }

        public JobBuilder promisedAt(Instant value) {
            promisedAt = value;
            return this;
        }

        public JobBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public JobBuilder step(String title) {
            steps.add(title);
            return this;
        }

        public JobBuilder part(String description, String partNumber, long unitPriceMinor, long costPriceMinor) {
            lines.add(Map.of("kind", "PART", "description", description, "partNumber", partNumber,
                    "unitPrice", unitPriceMinor, "costPrice", costPriceMinor));
            return this;
        }

        public JobBuilder note(String visibility, String body, Person author) {
            notes.add(new String[] {visibility, body, author.id().toString()});
            return this;
        }

        public UUID create() {
            UUID id = UUID.randomUUID();
            sql("insert into job_card (id, garage_id, number, customer_id, vehicle_id, advisor_id, status, concern,"
                    + " promised_at, created_at, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, garageId, nextJobNumber++, customer.id(), vehicleId, advisor != null ? advisor.id() : null,
                    status, "Noise from the front left wheel", promisedAt, createdAt, closedAt);
            technicians.forEach(t -> sql("insert into job_assignment (job_id, technician_id, garage_id)"
                    + " values (?, ?, ?)", id, t.id(), garageId));
            for (int i = 0; i < steps.size(); i++) {
                sql("insert into job_step (id, garage_id, job_id, position, title, status) values (?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID(), garageId, id, i, steps.get(i), "PENDING");
            }
            for (int i = 0; i < lines.size(); i++) {
                Map<String, Object> line = lines.get(i);
                sql("insert into estimate_line (id, garage_id, job_id, position, kind, description, part_number,"
                        + " quantity, unit_price_minor, cost_price_minor, tax_rate_bp) values"
                        + " (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 2000)", UUID.randomUUID(), garageId, id, i,
                        line.get("kind"), line.get("description"), line.get("partNumber"), line.get("unitPrice"),
                        line.get("costPrice"));
            }
            notes.forEach(n -> sql("insert into job_note (id, garage_id, job_id, author_staff_id, visibility, body)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), garageId, id, UUID.fromString(n[2]), n[0], n[1]));
            return id;
        }
    }
}
