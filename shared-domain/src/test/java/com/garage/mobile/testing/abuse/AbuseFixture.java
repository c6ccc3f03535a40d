package com.garage.mobile.testing.abuse;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import java.time.Duration;
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
    private final Map<Person, Ids> devices = new HashMap<>();
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
        Person otherGaragesTechnician = other.technician("Otto Other");
        collections.put("technicians", new Ids(technician.id(), otherGaragesTechnician.id(), advisor.id()));
        UUID otherGaragesStaffDevice = device(other, otherGaragesTechnician);
        devices.put(admin, new Ids(device(home, admin), otherGaragesStaffDevice, device(home, advisor)));
        devices.put(customer, new Ids(device(home, customer), device(other, otherGaragesCustomer),
                device(home, otherCustomer)));
        collections.put("dead-letters", new Ids(deadLetter(home, devices.get(admin).own()),
                deadLetter(other, otherGaragesStaffDevice), deadLetter(home, devices.get(admin).otherCustomer())));
        collections.put("releases", new Ids(ReleaseRecords.runningRelease(home), UUID.randomUUID(), UUID.randomUUID()));
        collections.put("crash-issues", new Ids(ReleaseRecords.openCrashIssue(home), UUID.randomUUID(),
                UUID.randomUUID()));
        collections.put("kill-switches", new Ids(ReleaseRecords.killSwitch(home), UUID.randomUUID(), UUID.randomUUID()));
        collections.put("experiments", new Ids(experiment(home, "abuse-own"), experiment(other, "abuse-other"),
                experiment(home, "abuse-second")));
        collections.put("feedback", new Ids(feedback(home, technician), feedback(other, otherGaragesTechnician),
                feedback(home, otherCustomer)));
        // The analytics facts feed takes the appointments' status notes in the background: let it first,
        // so that no pass writes while the suite compares data.
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("select count(*) from appointment_status_change"
                + " where garage_id in (?, ?)", home.garageId, other.garageId) == 0);
    }

    public static AbuseFixture create(DataSource dataSource) {
        return new AbuseFixture(dataSource);
    }

    /** The ids of a collection, by the path segment that names it (e.g. {@code jobs}). */
    public Ids ids(String collection) {
        return collections.get(collection);
    }

    /** The ids of a collection as the caller sees it: devices are each person's own. */
    public Ids ids(String collection, Person caller) {
        return collection.equals("devices") ? devices.get(caller) : ids(collection);
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
        // Beyond the reminder lead time, so that no reminder pass writes while the suite compares data.
        UUID appointment = garage.appointment(owner, vehicle, Instant.now().plus(Duration.ofDays(10)), "CONFIRMED");
        UUID job = garage.job(owner, vehicle).assignedTo(technician).status("AWAITING_APPROVAL")
                .part("Front brake pads", "BP-7731", 5400, 3100).create();
        jobs.put(owner, job);
        UUID line = (UUID) rows.one("select id from estimate_line where job_id = ?", job).get("id");
        UUID template = garage.inspectionTemplate(technician);
        UUID item = firstItem(garage.inspection(job, template, technician));
        UUID conversation = (UUID) rows.one("select id from chat_conversation where job_id = ?", job).get("id");
        return Map.ofEntries(Map.entry("vehicles", vehicle), Map.entry("appointments", appointment),
                Map.entry("jobs", job), Map.entry("estimate-lines", line), Map.entry("inspection-templates", template),
                Map.entry("inspection-items", item), Map.entry("media", garage.media(job, "job", job, technician)),
                Map.entry("uploads", garage.upload(job, technician)), Map.entry("conversations", conversation),
                Map.entry("messages", message(garage, conversation, owner)),
                Map.entry("estimate-approvals", garage.approval(job, owner)),
                Map.entry("recommendations", recommendation(garage, owner, vehicle)),
                Map.entry("roadside-requests", roadsideRequest(garage, owner, vehicle)));
    }

    /** An open recommendation for the owner's vehicle (recommendations). */
    private static UUID recommendation(GarageFixture garage, Person owner, UUID vehicle) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into recommendation (id, garage_id, vehicle_id, customer_id, kind, subject, title, reasons,"
                + " evidence, status, created_at, updated_at) values (?, ?, ?, ?, 'DECLINED_FOLLOW_UP', ?,"
                + " 'Front brake pads', '[]', '{}', 'OPEN', now(), now())", id, garage.garageId, vehicle, owner.id(),
                "declined:" + id);
        return id;
    }

    /** A roadside request of the owner that its partner took, after the owner consented to share with it. */
    private static UUID roadsideRequest(GarageFixture garage, Person owner, UUID vehicle) {
        garage.sql("insert into garage_partner (garage_id, partner, kind, display_name, terms, data_shared) values"
                + " (?, 'roadside-demo', 'ROADSIDE', 'Demo Roadside', 'Terms', array['location']) on conflict do nothing",
                garage.garageId);
        garage.sql("insert into partner_consent (garage_id, customer_id, partner, granted, data_shared, terms_sha256,"
                + " recorded_at) values (?, ?, 'roadside-demo', true, array['location'], 'x', now())", garage.garageId,
                owner.id());
        UUID id = UUID.randomUUID();
        // Polled "tomorrow": the partner polling of a suite that runs for minutes must not change the data it compares.
        garage.sql("insert into roadside_request (id, garage_id, customer_id, vehicle_id, partner, service, status,"
                + " latitude, longitude, callback_phone, partner_reference, status_at, created_at, updated_at, polled_at)"
                + " values (?, ?, ?, ?, 'roadside-demo', 'FUEL', 'EN_ROUTE', 51.5, -0.12, '+44 7700 900123', ?, now(),"
                + " now(), now(), now() + interval '1 day')", id, garage.garageId, owner.id(), vehicle, "rs-" + id);
        return id;
    }

    /** The owner's first message in the customer channel of the conversation. */
    private static UUID message(GarageFixture garage, UUID conversation, Person owner) {
        UUID id = UUID.randomUUID();
        garage.sql("update chat_conversation set customer_last_seq = 1 where id = ?", conversation);
        garage.sql("insert into chat_message (id, garage_id, conversation_id, channel, seq, kind, author_id,"
                + " author_role, author_name, body, sent_at) values (?, ?, ?, 'CUSTOMER', 1, 'TEXT', ?, 'customer', ?,"
                + " 'When will it be ready?', now())", id, garage.garageId, conversation, owner.id(),
                owner.displayName());
        // As if its writer had published it: the relay must not change the data the suite compares.
        garage.sql("update chat_event set published_at = now() where conversation_id = ?", conversation);
        return id;
    }

    /** A new message of the person in their channel of the caller's own conversation: theirs to edit now. */
    public UUID messageBy(Person author) {
        UUID conversation = ids("conversations").own();
        boolean customer = author.role().equals("customer");
        String counter = customer ? "customer_last_seq" : "workshop_last_seq";
        long seq = (Long) rows.one("update chat_conversation set " + counter + " = " + counter + " + 1 where id = ?"
                + " returning " + counter, conversation).get(counter);
        UUID id = UUID.randomUUID();
        home.sql("insert into chat_message (id, garage_id, conversation_id, channel, seq, kind, author_id,"
                + " author_role, author_name, body, sent_at) values (?, ?, ?, ?, ?, 'TEXT', ?, ?, ?, 'Draft', now())",
                id, home.garageId, conversation, customer ? "CUSTOMER" : "WORKSHOP", seq, author.id(),
                author.role(), author.displayName());
        home.sql("update chat_event set published_at = now() where conversation_id = ?", conversation);
        return id;
    }

    /** The conversation of a new job of the customer: nothing escalated or assigned in it yet. */
    public UUID freshConversation() {
        UUID job = home.job(customer, ids("vehicles").own()).create();
        return (UUID) rows.one("select id from chat_conversation where job_id = ?", job).get("id");
    }

    /** A new release of the home garage's admin, rolling out to production. */
    public UUID freshRelease() {
        return ReleaseRecords.runningRelease(home);
    }

    /** New feedback of the home garage's technician, at version 1, status NEW. */
    public UUID freshFeedback() {
        return feedback(home, technician);
    }

    /** Feedback with a free-text body, as any body sent from an app (customers' too). */
    public ObjectNode feedbackBody() {
        return JsonNodeFactory.instance.objectNode().put("id", UUID.randomUUID().toString()).put("category", "IDEA")
                .put("text", "Show the labour time on the board").put("screen", "job-board");
    }

    /** A new inspection template of the home garage, at version 0. */
    public UUID freshTemplate() {
        return home.inspectionTemplate(admin);
    }

    private UUID firstItem(UUID inspection) {
        return (UUID) rows.one("select id from inspection_item where inspection_id = ? and position = 0", inspection)
                .get("id");
    }

    private static UUID feedback(GarageFixture garage, Person reporter) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into feedback (id, garage_id, person_id, person_role, category, body, created_at)"
                + " values (?, ?, ?, ?, 'BUG', 'The board does not refresh', now())", id, garage.garageId, reporter.id(),
                reporter.role());
        return id;
    }

    /** An Android phone registered for notifications by the person. */
    private UUID device(GarageFixture garage, Person owner) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into push_device (id, garage_id, " + owner.ownerColumn() + ", platform, token, app_version,"
                + " os_version, locale, time_zone) values (?, ?, ?, 'ANDROID', ?, '3.4.1', '14', 'en-GB',"
                + " 'Europe/London')", id, garage.garageId, owner.id(), "fcm-" + id);
        return id;
    }

    /**
     * A survey answer body the caller may send now: the home garage's answers are forgotten first,
     * so the once-a-week limit does not refuse the suite's repeated valid calls.
     */
    public ObjectNode surveyDue() {
        home.sql("delete from survey_answer where garage_id = ?", home.garageId);
        return JsonNodeFactory.instance.objectNode().put("kind", "CSAT").put("score", 4).put("comment", "Quick");
    }

    /** A running experiment of the garage, half and half, exposed to no one yet (app-config calls log nothing). */
    private static UUID experiment(GarageFixture garage, String key) {
        UUID id = UUID.randomUUID();
        garage.sql("insert into experiment (id, garage_id, key, kind, unit, salt, variants, exposure_percent, status,"
                + " created_at, updated_at) values (?, ?, ?, 'EXPERIMENT', 'USER', ?, '[{\"name\": \"a\", \"weight\": 50},"
                + " {\"name\": \"b\", \"weight\": 50}]'::jsonb, 0, 'RUNNING', now(), now())", id, garage.garageId, key,
                id.toString());
        return id;
    }

    /** A notification to the device that failed for good and waits for an admin. */
    private UUID deadLetter(GarageFixture garage, UUID deviceId) {
        UUID id = UUID.randomUUID();
        long workId = (Long) rows.one("insert into outbound_work (kind, garage_id, dedupe_key, route, payload,"
                + " ttl_seconds, expires_at, status, attempts, next_attempt_at, created_at)"
                + " select 'notification', garage_id, ?, platform, jsonb_build_object('notificationKey', ?::text,"
                + " 'deviceId', id, 'personId', person_id, 'platform', platform, 'category', 'JOB_STATUS',"
                + " 'priority', 'HIGH', 'rank', 1, 'language', 'en', 'title', 'Your car is ready',"
                + " 'body', 'Pick it up any time today.', 'data', '{}'::jsonb), 86400, now() + interval '1 day',"
                + " 'DEAD', 5, now(), now() from push_device where id = ? returning id",
                "abuse-" + id + "@" + deviceId, "abuse-" + id, deviceId).get("id");
        garage.sql("insert into outbound_dead_letter (id, garage_id, work_id, kind, reason, attempts, dead_at)"
                + " values (?, ?, ?, 'notification', 'provider kept failing', 5, now())", id, garage.garageId, workId);
        return id;
    }
}
