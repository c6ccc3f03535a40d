package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.chat.ChatEventMessage;
import com.garage.mobile.platform.live.LiveHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads chat events back from PostgreSQL to replay a reconnect; chat has no lines to fill gaps in. */
@ApplicationScoped
public class ChatEventHistory implements LiveHistory<ChatEventMessage> {

    private static final String BY_ID = "select " + ChatEventMessage.COLUMNS
            + ", published_at from chat_event where id = $1";
    /** As for job events: everything later, plus earlier ones not yet in the stream when the client's last one was. */
    private static final String MISSED = "select " + ChatEventMessage.COLUMNS + """
             from chat_event where garage_id = $1 and (%s)
              and (id > $2 or (id < $2 and published_at is null)
                   or (id < $2 and id > $2 - $3 and published_at > coalesce($4, now())))
            order by id limit $5""";
    private static final String FOR_CUSTOMER = MISSED.formatted("customer_id = $6 and channel = 'CUSTOMER'");
    private static final String FOR_TECHNICIAN = MISSED.formatted("$6 = any(technician_ids)");
    private static final String FOR_GARAGE = MISSED.formatted("garage_id = $6");

    private final Pool pool;

    public ChatEventHistory(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<Stored<ChatEventMessage>>> find(long eventId) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(eventId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            OffsetDateTime publishedAt = row.getOffsetDateTime("published_at");
            return Optional.of(new Stored<>(ChatEventMessage.of(row),
                    publishedAt != null ? publishedAt.toInstant() : null));
        });
    }

    @Override
    public Uni<List<ChatEventMessage>> missedBy(Actor actor, ResumePoint from, int limit) {
        Tuple params = Tuple.tuple().addValue(actor.garageId()).addValue(from.eventId())
                .addValue((long) from.lookback())
                .addValue(from.publishedAt() != null ? from.publishedAt().atOffset(ZoneOffset.UTC) : null)
                .addValue(limit).addValue(audienceOf(actor));
        return pool.preparedQuery(missedQuery(actor)).execute(params).map(ChatEventHistory::events);
    }

    private static String missedQuery(Actor actor) {
        return switch (actor.role()) {
            case CUSTOMER -> FOR_CUSTOMER;
            case TECHNICIAN -> FOR_TECHNICIAN;
            case ADVISOR, ADMIN -> FOR_GARAGE;
            case SYSTEM -> throw new IllegalArgumentException("The garage's system holds no live session.");
        };
    }

    private static UUID audienceOf(Actor actor) {
        return actor.seesWholeGarage() ? actor.garageId() : actor.personId();
    }

    private static List<ChatEventMessage> events(RowSet<Row> rows) {
        List<ChatEventMessage> events = new ArrayList<>(rows.size());
        rows.forEach(row -> events.add(ChatEventMessage.of(row)));
        return events;
    }
}
