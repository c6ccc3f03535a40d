package com.garage.mobile.customer.sync;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppAudience;
import com.garage.mobile.platform.sync.SyncRecords;
import com.garage.mobile.platform.sync.SyncScope;
import com.garage.mobile.platform.sync.SyncableType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A syncable type that exists only in the tests: courtesy cars a garage lends to its customers,
 * in a table and with a change-log trigger that this bean creates at start-up. It plugs in as any
 * feature's type does, without a line of main code knowing it.
 */
@ApplicationScoped
public class CourtesyCarSync implements SyncableType {

    static final String TYPE = "courtesy-car";

    private static final String SCHEMA = """
            create table if not exists test_courtesy_car (
                id uuid primary key, garage_id uuid not null references garage (id),
                customer_id uuid not null, registration text not null, version bigint not null default 0);
            create or replace function test_courtesy_car_changed() returns trigger language plpgsql as $$
            begin
                if tg_op = 'DELETE' then
                    perform sync_log(old.garage_id, 'courtesy-car', old.id, array[old.customer_id]);
                    return null;
                end if;
                perform sync_log(new.garage_id, 'courtesy-car', new.id, array[new.customer_id]
                    || case when tg_op = 'UPDATE' then array[old.customer_id] else '{}' end);
                return null;
            end;
            $$;
            create or replace trigger test_courtesy_car_sync after insert or update or delete on test_courtesy_car
                for each row execute function test_courtesy_car_changed();""";

    private final Pool pool;

    CourtesyCarSync(Pool pool) {
        this.pool = pool;
    }

    /** A courtesy car as the customer app would show it. */
    public record CourtesyCarView(UUID id, String registration, long version) {
    }

    void createTable(@Observes StartupEvent startup, AgroalDataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
    }

    @Override
    public Declaration declaration() {
        return new Declaration(TYPE, AppAudience.CUSTOMER, 90);
    }

    @Override
    public Optional<SyncScope> scope(Actor customer) {
        return Optional.of(SyncScope.own(
                "select k.id from test_courtesy_car k where k.garage_id = $1 and k.customer_id = $2"));
    }

    @Override
    public Uni<Map<UUID, Object>> records(Actor viewer, List<UUID> ids) {
        return pool.preparedQuery("select id, registration, version from test_courtesy_car"
                + " where garage_id = $1 and id = any($2)")
                .execute(Tuple.of(viewer.garageId(), ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<CourtesyCarView> cars = new ArrayList<>();
                    rows.forEach(row -> cars.add(new CourtesyCarView(row.getUUID("id"), row.getString("registration"),
                            row.getLong("version"))));
                    return SyncRecords.byId(cars, CourtesyCarView::id, car -> car);
                });
    }
}
