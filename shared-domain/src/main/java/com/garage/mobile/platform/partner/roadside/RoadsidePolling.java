package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerConnectorConfig;
import com.garage.mobile.platform.partner.PartnerHttp;
import com.garage.mobile.platform.problem.LoggedFailure;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Asks partners about open requests that heard nothing for {@code garage.partners.roadside.poll-after}
 * (a lost webhook, a partner that only answers polls) and applies the answer as a webhook would be.
 * Each pass claims the requests asked longest ago ({@code polled_at}), so pods polling side by side
 * ask different ones, and a word heard again is ignored by the state machine.
 */
@ApplicationScoped
public class RoadsidePolling {

    private static final Logger LOG = Logger.getLogger(RoadsidePolling.class);
    private static final String QUIET = """
            update roadside_request set polled_at = $2 where id in (
                select id from roadside_request
                where status not in ('COMPLETED', 'CANCELLED', 'GONE_ON_ARRIVAL', 'UNSUCCESSFUL')
                  and partner_reference is not null and updated_at < $1 and coalesce(polled_at, updated_at) < $1
                order by coalesce(polled_at, updated_at) limit 50 for update skip locked)
            returning id, partner, partner_reference""";

    private final Pool pool;
    private final RoadsideAdapters adapters;
    private final RoadsideUpdates updates;
    private final PartnerHttp http;
    private final PartnerConnectorConfig config;
    private final GarageClock clock;

    public RoadsidePolling(Pool pool, RoadsideAdapters adapters, RoadsideUpdates updates, PartnerHttp http,
            PartnerConnectorConfig config, GarageClock clock) {
        this.pool = pool;
        this.adapters = adapters;
        this.updates = updates;
        this.http = http;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${garage.partners.roadside.poll-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return pollOnce().replaceWithVoid();
    }

    /** One pass; says how many requests it asked about. */
    public Uni<Integer> pollOnce() {
        String run = clock.now().toString();
        return pool.preparedQuery(QUIET).execute(Tuple.of(
                        clock.now().minus(config.roadside().pollAfter()).atOffset(ZoneOffset.UTC),
                        clock.now().atOffset(ZoneOffset.UTC)))
                .map(RoadsidePolling::quiet)
                .chain(quiet -> Multi.createFrom().iterable(quiet)
                        .onItem().transformToUniAndConcatenate(request -> poll(request, run))
                        .collect().asList().replaceWith(quiet.size()));
    }

    private Uni<Void> poll(Quiet request, String run) {
        if (!http.configured(request.partner())) {
            return Uni.createFrom().voidItem();
        }
        return adapters.of(request.partner()).status(request.partner(), request.reference())
                .chain(update -> pool.withTransaction(connection -> updates.apply(connection, request.partner(),
                        request.reference(), update, Origin.scheduler("roadside-polling", run))))
                .chain(() -> updates.publish(request.id()))
                .onFailure().invoke(e -> LOG.infof("Polling roadside request %s at %s failed: %s", request.id(),
                        request.partner(), LoggedFailure.describe(e)))
                .onFailure().recoverWithNull();
    }

    private record Quiet(UUID id, String partner, String reference) {
    }

    private static List<Quiet> quiet(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Quiet> quiet = new ArrayList<>();
        rows.forEach(row -> quiet.add(new Quiet(row.getUUID("id"), row.getString("partner"),
                row.getString("partner_reference"))));
        return quiet;
    }
}
