package com.garage.mobile.platform.payment.stripe;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.payment.ProviderEvent;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Verifies a Stripe webhook's signature on its raw body and reads the event; anything wrong is a 400. */
@ApplicationScoped
public class StripeWebhookReader {

    private final StripeConfig config;
    private final GarageClock clock;

    public StripeWebhookReader(StripeConfig config, GarageClock clock) {
        this.config = config;
        this.clock = clock;
    }

    public ProviderEvent read(String signatureHeader, byte[] rawBody) {
        List<String> secrets = config.webhookSecrets().orElse(List.of());
        String refusal = secrets.isEmpty() ? "No webhook secret is configured."
                : StripeSignature.refusal(signatureHeader, rawBody, secrets, clock.now(), config.webhookTolerance());
        if (refusal != null) {
            throw new ProblemException(ProblemType.WEBHOOK_SIGNATURE_INVALID, refusal);
        }
        JsonObject event = parse(rawBody);
        try {
            return meaningOf(event);
        } catch (ClassCastException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The event's data is not shaped as Stripe's.");
        }
    }

    /** The event's intent and payment; a field of another JSON type than Stripe's fails with a ClassCastException. */
    private static ProviderEvent meaningOf(JsonObject event) {
        JsonObject object = event.getJsonObject("data", new JsonObject()).getJsonObject("object", new JsonObject());
        String objectType = object.getString("object", "");
        String intentId = switch (objectType) {
            case "payment_intent" -> object.getString("id");
            case "checkout.session" -> object.getValue("payment_intent") instanceof String id ? id : null;
            default -> null;
        };
        JsonObject metadata = object.getJsonObject("metadata", new JsonObject());
        return new ProviderEvent(StripeClient.NAME, event.getString("id"), event.getString("type"),
                Instant.ofEpochSecond(event.getLong("created")), intentId, metadata.getString("payment_id"), event);
    }

    private static JsonObject parse(byte[] rawBody) {
        try {
            JsonObject event = new JsonObject(new String(rawBody, StandardCharsets.UTF_8));
            if (!(event.getValue("id") instanceof String id) || !id.startsWith("evt_")
                    || !(event.getValue("type") instanceof String) || !(event.getValue("created") instanceof Number)) {
                throw new ProblemException(ProblemType.VALIDATION, "The event has no id, type or created time.");
            }
            return event;
        } catch (DecodeException | ClassCastException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The event is not a JSON object.");
        }
    }
}
