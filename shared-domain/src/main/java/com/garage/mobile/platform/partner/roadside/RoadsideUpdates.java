package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.partner.roadside.RoadsideEventPublisher;
import com.garage.mobile.domain.partner.roadside.RoadsideLedger;
import com.garage.mobile.domain.partner.roadside.RoadsideStateMachine;
import com.garage.mobile.domain.partner.roadside.RoadsideUpdate;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a partner says of a request (webhook, polling or its dispatch answer) applied as the garage's
 * system, by the partner's reference: the state machine decides, a refused word is logged (partner,
 * request id and reason only) and raised as garbage, and committed events go to every pod.
 */
@ApplicationScoped
public class RoadsideUpdates {

    private static final Logger LOG = Logger.getLogger(RoadsideUpdates.class);
    private static final String BY_REFERENCE = """
            select id, garage_id from roadside_request where partner = $1 and (partner_reference = $2 or id::text = $2)""";

    private final RoadsideLedger ledger;
    private final RoadsideEventPublisher publisher;
    private final GarageClock clock;

    public RoadsideUpdates(RoadsideLedger ledger, RoadsideEventPublisher publisher, GarageClock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Applies in the caller's transaction; the caller publishes after commit with {@link #publish}. */
    public Uni<RoadsideLedger.Applied> apply(SqlConnection connection, String partner, String reference,
            RoadsideUpdate update, Origin origin) {
        return connection.preparedQuery(BY_REFERENCE).execute(Tuple.of(partner, reference))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new PartnerAnswerRefused(partner, "an update of a request we do not know", true);
                    }
                    var row = rows.iterator().next();
                    UUID requestId = row.getUUID("id");
                    Actor system = Actor.system(row.getUUID("garage_id"), origin);
                    return ledger.apply(connection, system, requestId, update, clock.now());
                })
                .invoke(applied -> {
                    if (applied.decision() instanceof RoadsideStateMachine.Refuse refuse) {
                        LOG.warnf("Roadside partner %s: update of request %s refused: %s", partner,
                                applied.request().id(), refuse.reason());
                        throw new PartnerAnswerRefused(partner, refuse.reason(), true);
                    }
                });
    }

    public Uni<Void> publish(UUID requestId) {
        return publisher.publishPending(requestId);
    }
}
