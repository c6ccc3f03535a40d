package com.garage.mobile.customer.live;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.platform.events.StoredEvent;
import com.garage.mobile.platform.live.LiveEvent;
import com.garage.mobile.platform.live.LiveHistory;
import com.garage.mobile.platform.live.LiveTopic;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A second live topic, declared only in tests: "your courtesy car is ready", for one customer of a
 * garage. It plugs in as a feature would, with no line of main code changed; its events take their
 * ids from the same sequence as job events, and are handed over in-process (one pod is enough here).
 */
@ApplicationScoped
public class CourtesyCarTopic implements LiveTopic<CourtesyCarTopic.CarReady>, LiveHistory<CourtesyCarTopic.CarReady> {

    public static final String NAME = "courtesy-car";
    private static final String COLUMNS = "id, garage_id, customer_id, plate, occurred_at";

    /** An event of the topic, as stored. */
    public record CarReady(long id, UUID garageId, UUID customerId, String plate, Instant occurredAt) {
        static CarReady of(Row row) {
            return new CarReady(row.getLong("id"), row.getUUID("garage_id"), row.getUUID("customer_id"),
                    row.getString("plate"), row.getOffsetDateTime("occurred_at").toInstant());
        }
    }

    /** What the customer's app shows. */
    public record CarReadyMessage(String plate) {
    }

    private final Pool pool;
    private final BroadcastProcessor<CarReady> arrivals = BroadcastProcessor.create();

    public CourtesyCarTopic(Pool pool) {
        this.pool = pool;
    }

    void createTable(@Observes StartupEvent startup) {
        pool.query("""
                create table if not exists test_courtesy_car_event (
                    id bigint primary key default nextval('live_event_id'), garage_id uuid not null,
                    customer_id uuid not null, plate text not null, occurred_at timestamptz not null default now(),
                    published_at timestamptz)""").execute().await().indefinitely();
    }

    /** Writes the event, then hands it to the live channel as the stream would; returns its id. */
    public long announce(UUID garageId, UUID customerId, String plate) {
        CarReady ready = pool.preparedQuery("insert into test_courtesy_car_event (garage_id, customer_id, plate,"
                + " published_at) values ($1, $2, $3, now()) returning " + COLUMNS)
                .execute(Tuple.of(garageId, customerId, plate))
                .map(rows -> CarReady.of(rows.iterator().next())).await().indefinitely();
        arrivals.onNext(ready);
        return ready.id();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Multi<CarReady> arrivals() {
        return arrivals;
    }

    @Override
    public LiveEvent<CarReady> describe(CarReady event) {
        return new LiveEvent<>(this, event, event.id(), event.occurredAt(), null, 0, event.garageId(),
                List.of(event.customerId()));
    }

    /** The customer it is for, and the staff of the garage. */
    @Override
    public boolean visibleTo(Actor actor, CarReady event) {
        return event.garageId().equals(actor.garageId())
                && (actor.seesWholeGarage() || event.customerId().equals(actor.personId()));
    }

    @Override
    public Object message(AppAudience audience, CarReady event) {
        return new CarReadyMessage(event.plate());
    }

    @Override
    public LiveHistory<CarReady> history() {
        return this;
    }

    @Override
    public Uni<Optional<StoredEvent<CarReady>>> find(long eventId) {
        return pool.preparedQuery("select " + COLUMNS + ", published_at from test_courtesy_car_event where id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
    }

    @Override
    public Uni<List<CarReady>> missedBy(Actor actor, ResumePoint from, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from test_courtesy_car_event"
                + " where garage_id = $1 and id > $2 order by id limit $3")
                .execute(Tuple.of(actor.garageId(), from.eventId(), limit))
                .map(rows -> {
                    List<CarReady> events = new ArrayList<>();
                    rows.forEach(row -> events.add(CarReady.of(row)));
                    return events;
                });
    }

    private static StoredEvent<CarReady> stored(Row row) {
        return new StoredEvent<>(CarReady.of(row), row.getOffsetDateTime("published_at").toInstant());
    }
}
