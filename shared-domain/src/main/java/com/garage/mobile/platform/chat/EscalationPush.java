package com.garage.mobile.platform.chat;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import com.garage.mobile.domain.notification.PlannedNotification;
import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.platform.notification.pipeline.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pushes a response warning to the conversation's advisor (assigned, else the job's, else every
 * active advisor when it has none or they left) and a breach to the garage's active admins, its
 * service managers; under CHAT, so only to devices whose owner consented. Written in the caller's
 * transaction, once per wait (the dedupe key names the wait's period).
 */
@ApplicationScoped
public class EscalationPush {

    private static final String CONVERSATION = """
            select c.id, c.garage_id, j.advisor_id, g.time_zone,
                   coalesce(v.make || ' ' || v.model || ' (#' || j.number || ')',
                            cu.first_name || ' ' || cu.last_name) as subject
            from chat_conversation c join garage g on g.id = c.garage_id join customer cu on cu.id = c.customer_id
            left join job_card j on j.id = c.job_id left join vehicle v on v.id = j.vehicle_id
            where c.id = $1""";
    private static final String ADVISORS = """
            with assigned as (select id from staff where garage_id = $1 and active and role = 'ADVISOR' and id = $2)
            select id from assigned
            union all
            select id from staff where garage_id = $1 and active and role = 'ADVISOR'
              and not exists (select 1 from assigned)""";
    private static final String ADMINS = "select id from staff where garage_id = $1 and active and role = 'ADMIN'";

    private final OutboxWriter outbox;
    private final NotificationConfig config;

    public EscalationPush(OutboxWriter outbox, NotificationConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Says how many devices will hear of it. */
    Uni<Integer> notify(SqlConnection connection, boolean breach, UUID conversationId, long period,
            UUID assignedAdvisorId, Instant dueAt, Instant now) {
        return connection.preparedQuery(CONVERSATION).execute(Tuple.of(conversationId))
                .map(rows -> rows.iterator().next())
                .chain(conversation -> recipients(connection, breach, conversation, assignedAdvisorId)
                        .chain(people -> Multi.createFrom().iterable(people)
                                .onItem().transformToUniAndConcatenate(person -> outbox.write(connection,
                                        notification(breach, conversation, person, period, dueAt, now), now))
                                .collect().asList()))
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private static Uni<List<UUID>> recipients(SqlConnection connection, boolean breach, Row conversation,
            UUID assignedAdvisorId) {
        UUID garageId = conversation.getUUID("garage_id");
        UUID advisor = assignedAdvisorId != null ? assignedAdvisorId : conversation.getUUID("advisor_id");
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> found = breach
                ? connection.preparedQuery(ADMINS).execute(Tuple.of(garageId))
                : connection.preparedQuery(ADVISORS).execute(Tuple.of(garageId, advisor));
        return found.map(rows -> {
            List<UUID> people = new ArrayList<>();
            rows.forEach(row -> people.add(row.getUUID("id")));
            return people;
        });
    }

    private PlannedNotification notification(boolean breach, Row conversation, UUID person, long period,
            Instant dueAt, Instant now) {
        UUID id = conversation.getUUID("id");
        String stage = breach ? "response-breached" : "response-warning";
        String due = DateTimeFormatter.ofPattern("HH:mm").format(dueAt.atZone(ZoneId.of(conversation.getString(
                "time_zone"))));
        return new PlannedNotification(conversation.getUUID("garage_id"), person, NotificationCategory.CHAT,
                "chat-" + stage + ":" + id + ":" + period, null, breach ? PushPriority.HIGH : PushPriority.NORMAL,
                "chat-" + id + "-response", now.toEpochMilli(), now.plus(config.ttl()), "staff.chat." + stage,
                Map.of("subject", conversation.getString("subject"), "due", due),
                Map.of(), Map.of("type", "chat." + stage, "conversationId", id.toString(),
                        "link", "garage-tech://chat/" + id), null);
    }
}
