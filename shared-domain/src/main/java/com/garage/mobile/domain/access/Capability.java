package com.garage.mobile.domain.access;

/**
 * What an actor may do. Resources require these with {@code @PermissionsAllowed}, and the
 * navigation of each app lists only the sections whose capability the caller holds, so an app
 * never shows a screen the API would refuse.
 */
public final class Capability {
    /** Use the app at all: held by every enrolled person of the app's audience. */
    public static final String APP_USE = "app:use";
    public static final String PROFILE_READ = "profile:read";
    public static final String OWN_VEHICLES_READ = "vehicles:read-own";
    public static final String OWN_APPOINTMENTS_READ = "appointments:read-own";
    public static final String OWN_JOBS_READ = "jobs:read-own";

    public static final String JOB_BOARD_READ = "job-board:read";
    public static final String GARAGE_BOARD_READ = "job-board:read-garage";
    public static final String GARAGE_JOBS_READ = "jobs:read-garage";
    public static final String JOB_STATUS_CHANGE = "jobs:change-status";
    public static final String JOB_ASSIGN = "jobs:assign";
    /** Start a job's inspection, record its items and complete it. */
    public static final String INSPECTION_WRITE = "inspections:write";
    /** Show a completed inspection to the customer. */
    public static final String INSPECTION_PUBLISH = "inspections:publish";
    /** Create and edit the garage's inspection templates. */
    public static final String INSPECTION_TEMPLATES_MANAGE = "inspection-templates:manage";
    /** Price estimate lines, such as those an inspection recommends. */
    public static final String ESTIMATE_PRICE = "estimates:price";

    /** Upload photos, videos and audio notes to what one may attach them to (each target's own rule). */
    public static final String MEDIA_UPLOAD = "media:upload";

    /** Read the chat conversations one takes part in. */
    public static final String CHAT_READ = "chat:read";
    /** Send chat messages in the channels one may read. */
    public static final String CHAT_SEND = "chat:send";
    /** Add technicians to conversations and take them off. */
    public static final String CHAT_MANAGE = "chat:manage";

    public static final String OWN_DEVICES_MANAGE = "devices:manage-own";
    public static final String OWN_NOTIFICATION_PREFERENCES = "notification-preferences:manage-own";
    public static final String NOTIFICATION_DEAD_LETTERS = "notifications:dead-letters";
    /** List and replay the garage's dead letters of every kind of outbound work. */
    public static final String OUTBOUND_DEAD_LETTERS = "outbox:dead-letters";
    /** Approve or decline the lines of one's own job's estimate. */
    public static final String ESTIMATE_DECIDE = "estimates:decide-own";
    /** Keep an offline copy of one's own scope with delta sync ({@code GET /api/v1/sync}). */
    public static final String SYNC_READ = "sync:read-own-scope";
    /** Verify and read the garage's audit trail. */
    public static final String AUDIT_READ = "audit:read";
    /** Send the technician app's queued offline writes to jobs (POST /api/v1/sync/mutations). */
    public static final String OFFLINE_JOB_WRITES = "sync:write-jobs";
    /** Send the customer app's queued offline writes to one's own records (POST /api/v1/sync/mutations). */
    public static final String OFFLINE_OWN_WRITES = "sync:write-own";

    /** See one's own jobs' invoices, pay what is due on them and list one's receipts. */
    public static final String OWN_PAYMENTS = "payments:pay-own";
    /** See the garage's invoices and payments, set its deposit rule and send pay-by-link links. */
    public static final String GARAGE_PAYMENTS = "payments:manage-garage";

    /** Send odometer readings and trouble codes of one's own vehicles (customer) or the garage's (staff). */
    public static final String TELEMETRY_REPORT = "telemetry:report";
    /** Dismiss, snooze, accept or book the recommendations for one's own vehicles. */
    public static final String OWN_RECOMMENDATIONS_ACT = "recommendations:act-own";
    /** Edit the garage's service intervals and read what its recommendations earn. */
    public static final String RECOMMENDATIONS_MANAGE = "recommendations:manage";
    /** Manage both apps' releases, rollouts, rings, minimum versions, kill switches and crash issues. */
    public static final String RELEASES_MANAGE = "releases:manage";
    /** Use the garage's partner services: consent to share data, roadside help, a recall's appointment request. */
    public static final String OWN_PARTNER_SERVICES = "partners:use-own";
    /** Read the garage's product analytics (funnels, event schemas) and run its surveys and experiments. */
    public static final String ANALYTICS_MANAGE = "analytics:manage";

    private Capability() {
    }
}
