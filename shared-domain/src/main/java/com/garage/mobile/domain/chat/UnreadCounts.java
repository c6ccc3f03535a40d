package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Unread messages over every conversation a person takes part in, counted in PostgreSQL with the
 * same channel rule as {@link ChatVisibility}, so a customer's count never includes the workshop.
 */
@ApplicationScoped
public class UnreadCounts {

    /** In how many conversations something is unread, and how many messages in all. */
    public record Unread(long conversations, long messages) {
    }

    private static final String COUNT = """
            select count(*) filter (where unread > 0) as conversations, coalesce(sum(unread), 0) as messages from (
              select (case when %2$s then greatest(c.customer_last_seq - coalesce(rc.read_seq, 0), 0) else 0 end)
                   + (case when %3$s then greatest(c.workshop_last_seq - coalesce(rw.read_seq, 0), 0) else 0 end)
                     as unread
              from chat_conversation c
              left join chat_read_cursor rc on rc.conversation_id = c.id and rc.channel = 'CUSTOMER'
                   and rc.person_id = $2
              left join chat_read_cursor rw on rw.conversation_id = c.id and rw.channel = 'WORKSHOP'
                   and rw.person_id = $2
              where c.garage_id = $1 and %1$s) counted""";
    private static final String FOR_CUSTOMER = COUNT.formatted("c.customer_id = $2", "true", "false");
    private static final String FOR_GARAGE = COUNT.formatted("true", "true", "c.job_id is not null");
    private static final String FOR_TECHNICIAN = COUNT.formatted(
            "(" + ChannelReaders.ADDED + " or " + ChannelReaders.ASSIGNED + ")", ChannelReaders.ADDED,
            "c.job_id is not null");

    private final Pool pool;

    public UnreadCounts(Pool pool) {
        this.pool = pool;
    }

    public Uni<Unread> of(Actor actor) {
        String query = switch (actor.role()) {
            case CUSTOMER -> FOR_CUSTOMER;
            case TECHNICIAN -> FOR_TECHNICIAN;
            case ADVISOR, ADMIN -> FOR_GARAGE;
            case SYSTEM -> throw new IllegalArgumentException("The garage's system reads no chat.");
        };
        return pool.preparedQuery(query).execute(Tuple.of(actor.garageId(), actor.personId())).map(rows -> {
            Row row = rows.iterator().next();
            return new Unread(row.getLong("conversations"), row.getLong("messages"));
        });
    }
}
