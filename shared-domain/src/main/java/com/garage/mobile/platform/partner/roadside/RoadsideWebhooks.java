package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.partner.roadside.RoadsideStateMachine;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerWebhookInbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A roadside partner's signed webhook: verified on the raw body, stored once by its event id and
 * applied in the same transaction, then published to every pod. A replay answers {@code duplicate}
 * and changes nothing; a stale or repeated update is answered {@code ignored}; garbage is refused
 * (400) and logged by partner and reason only, and nothing of it is kept.
 */
@ApplicationScoped
public class RoadsideWebhooks {

    private static final Logger LOG = Logger.getLogger(RoadsideWebhooks.class);

    /** What the partner is answered. */
    public record Receipt(boolean received, boolean duplicate, boolean ignored) {
    }

    private final PartnerWebhookInbox inbox;
    private final RoadsideAdapters adapters;
    private final RoadsideUpdates updates;
    private final Pool pool;

    public RoadsideWebhooks(PartnerWebhookInbox inbox, RoadsideAdapters adapters, RoadsideUpdates updates, Pool pool) {
        this.inbox = inbox;
        this.adapters = adapters;
        this.updates = updates;
        this.pool = pool;
    }

    public Uni<Receipt> receive(String partner, String signature, byte[] rawBody) {
        JsonObject event = inbox.verify(partner, signature, rawBody);
        RoadsideAdapter.WebhookUpdate update = read(partner, event);
        String eventId = event.getString("eventId");
        return pool.withTransaction(connection -> inbox.storeOnce(connection, partner, event)
                        .chain(fresh -> !fresh ? Uni.createFrom().item(new Receipt(true, true, false))
                                : updates.apply(connection, partner, update.reference(), update.update(),
                                                Origin.webhook(partner, eventId))
                                        .map(applied -> new Receipt(true, false,
                                                !(applied.decision() instanceof RoadsideStateMachine.Apply)))))
                .onFailure(PartnerAnswerRefused.class).transform(RoadsideWebhooks::refused)
                .call(receipt -> receipt.duplicate() ? Uni.createFrom().voidItem() : publishFor(partner, update));
    }

    private RoadsideAdapter.WebhookUpdate read(String partner, JsonObject event) {
        try {
            return adapters.of(partner).read(partner, event);
        } catch (PartnerAnswerRefused e) {
            throw refused(e);
        }
    }

    private Uni<Void> publishFor(String partner, RoadsideAdapter.WebhookUpdate update) {
        return pool.preparedQuery("select id from roadside_request where partner = $1 and (partner_reference = $2"
                        + " or id::text = $2)").execute(Tuple.of(partner, update.reference()))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : updates.publish(rows.iterator().next().getUUID("id")));
    }

    private static ProblemException refused(Throwable failure) {
        LOG.warnf("Roadside webhook refused: %s", failure.getMessage());
        return new ProblemException(ProblemType.VALIDATION, "The event cannot be applied: " + failure.getMessage());
    }
}
