package com.garage.mobile.platform.partner;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The inbound half of every connector: a partner's webhook is verified by {@link PartnerSignature}
 * on its raw body before anything is read, then stored once by the partner's event id
 * ({@code partner_webhook_event}); a replay is recognised and changes nothing.
 */
@ApplicationScoped
public class PartnerWebhookInbox {

    private static final String STORE = """
            insert into partner_webhook_event (partner, event_id, received_at, payload) values ($1, $2, $3, $4)
            on conflict do nothing returning event_id""";

    private final PartnerConnectorConfig config;
    private final GarageClock clock;

    public PartnerWebhookInbox(PartnerConnectorConfig config, GarageClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Verifies the signature and reads the body as a JSON object with an {@code eventId}; 400 otherwise, 404 for an unknown partner. */
    public JsonObject verify(String partner, String signature, byte[] rawBody) {
        PartnerConnectorConfig.Connector connector = config.connector().get(partner);
        if (connector == null || connector.baseUrl().isEmpty()) {
            throw ProblemException.notFound("partner");
        }
        List<String> secrets = connector.webhookSecrets().orElse(List.of());
        String refusal = secrets.isEmpty() ? "No webhook secret is configured for this partner."
                : PartnerSignature.refusal(signature, rawBody, secrets, clock.now(), connector.webhookTolerance());
        if (refusal != null) {
            throw new ProblemException(ProblemType.WEBHOOK_SIGNATURE_INVALID, refusal);
        }
        try {
            JsonObject event = new JsonObject(new String(rawBody, StandardCharsets.UTF_8));
            if (!(event.getValue("eventId") instanceof String id) || id.isBlank() || id.length() > 100) {
                throw ProblemException.invalidField("eventId", "Every event carries its id (1 to 100 characters).");
            }
            return event;
        } catch (DecodeException | ClassCastException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The event is not a JSON object.");
        }
    }

    /** Stores the event in the caller's transaction; true when it is new, false for a replay. */
    public Uni<Boolean> storeOnce(SqlConnection connection, String partner, JsonObject event) {
        return connection.preparedQuery(STORE).execute(Tuple.of(partner, event.getString("eventId"),
                        clock.now().atOffset(ZoneOffset.UTC), event))
                .map(rows -> rows.size() > 0);
    }
}
