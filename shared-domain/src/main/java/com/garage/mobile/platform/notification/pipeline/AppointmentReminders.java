package com.garage.mobile.platform.notification.pipeline;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.NotificationTexts;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.outbox.OutboxDispatcher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reminds customers of their confirmed appointments ahead of time. Every pod runs the pass; an
 * appointment's reminder is claimed in {@code appointment_reminder} (per start time, so a moved
 * appointment is reminded of again), and only the claimant writes its outbox rows and audits the
 * reminder as the garage's system, through the scheduler channel, naming the pass.
 */
@ApplicationScoped
public class AppointmentReminders {

    private static final Logger LOG = Logger.getLogger(AppointmentReminders.class);
    /** The scheduled job, as audit entries name it. */
    public static final String JOB = "appointment-reminders";
    public static final String ACTION = "appointment.remind";
    private static final String DUE = """
            select a.id, a.garage_id, a.customer_id, a.starts_at, c.preferred_language, g.name as garage_name,
                   g.time_zone, v.make || ' ' || v.model || coalesce(' (' || v.registration_plate || ')', '') as vehicle
            from appointment a
            join customer c on c.id = a.customer_id
            join vehicle v on v.id = a.vehicle_id
            join garage g on g.id = a.garage_id
            where a.status = 'CONFIRMED' and a.starts_at > $1 and a.starts_at <= $2
              and not exists (select 1 from appointment_reminder r
                              where r.appointment_id = a.id and r.starts_at = a.starts_at)
            order by a.starts_at
            limit 200""";
    private static final String CLAIM = """
            insert into appointment_reminder (appointment_id, starts_at, garage_id, decided_at)
            values ($1, $2, $3, $4) on conflict do nothing""";

    private final Pool pool;
    private final OutboxWriter outbox;
    private final NotificationTexts texts;
    private final GarageClock clock;
    private final NotificationConfig.Reminders config;
    private final OutboxDispatcher dispatcher;
    private final AuditTrail audit;

    public AppointmentReminders(Pool pool, OutboxWriter outbox, NotificationTexts texts, GarageClock clock,
            NotificationConfig config, OutboxDispatcher dispatcher, AuditTrail audit) {
        this.pool = pool;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
        this.config = config.reminders();
        this.dispatcher = dispatcher;
        this.audit = audit;
    }

    @Scheduled(every = "${garage.notifications.reminders.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPass() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return remindOnce().onFailure().invoke(e -> LOG.warnf("Appointment reminder pass failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass: claims the reminders now due; says how many appointments it claimed. */
    public Uni<Integer> remindOnce() {
        Instant now = clock.now();
        Origin pass = Origin.scheduler(JOB, UUID.randomUUID().toString());
        return pool.preparedQuery(DUE).execute(Tuple.of(SqlTime.at(now), SqlTime.at(now.plus(config.lead()))))
                .map(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    return due;
                })
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(appointment -> claim(appointment, pass, now))
                        .filter(claimed -> claimed)
                        .collect().asList())
                .invoke(claimed -> {
                    if (!claimed.isEmpty()) {
                        dispatcher.dispatchSoon();
                    }
                })
                .map(List::size);
    }

    private Uni<Boolean> claim(Row appointment, Origin pass, Instant now) {
        Instant startsAt = SqlTime.instant(appointment, "starts_at");
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(appointment.getUUID("id"), SqlTime.at(startsAt), appointment.getUUID("garage_id"),
                        SqlTime.at(now)))
                .chain(claimed -> claimed.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : remind(connection, appointment, startsAt, now)
                                .call(devices -> audited(connection, appointment, pass, startsAt, devices, now))
                                .replaceWith(true)));
    }

    private Uni<Void> audited(SqlConnection connection, Row appointment, Origin pass, Instant startsAt,
            int devices, Instant now) {
        Actor system = Actor.system(appointment.getUUID("garage_id"), pass);
        return audit.record(connection, system, ACTION, "appointment", appointment.getUUID("id"),
                AuditOutcome.SUCCESS, Map.of("startsAt", startsAt.toString(), "devices", devices), now);
    }

    private Uni<Integer> remind(SqlConnection connection, Row appointment, Instant startsAt, Instant now) {
        UUID id = appointment.getUUID("id");
        String language = texts.language(appointment.getString("preferred_language"));
        String when = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.forLanguageTag(language))
                .format(startsAt.atZone(ZoneId.of(appointment.getString("time_zone"))));
        PlannedNotification reminder = new PlannedNotification(appointment.getUUID("garage_id"),
                appointment.getUUID("customer_id"), NotificationCategory.APPOINTMENT_REMINDERS,
                "appointment-reminder:" + id + ":" + startsAt.getEpochSecond(), null, PushPriority.NORMAL,
                "appointment-" + id, now.toEpochMilli(), startsAt, "appointment.reminder",
                Map.of("vehicle", appointment.getString("vehicle"), "garage", appointment.getString("garage_name"),
                        "time", when),
                Map.of(), Map.of("type", "appointment.reminder", "appointmentId", id.toString(),
                        "link", "garage-customer://appointments/" + id),
                language);
        return outbox.write(connection, reminder, now);
    }
}
