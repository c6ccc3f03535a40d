package com.garage.mobile.platform.payment.stripe;

import com.garage.mobile.domain.payment.PaymentStatus;
import com.garage.mobile.domain.payment.ProviderIntent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/** Reads Stripe's objects (a PaymentIntent, an error) into the garage's words. */
final class StripeObjects {

    private StripeObjects() {
    }

    static ProviderIntent intent(JsonObject intent) {
        JsonObject lastError = intent.getJsonObject("last_payment_error");
        JsonObject metadata = intent.getJsonObject("metadata", new JsonObject());
        return new ProviderIntent(intent.getString("id"), status(intent.getString("status"), lastError != null),
                intent.getLong("amount", 0L), intent.getString("currency", "").toUpperCase(Locale.ROOT),
                intent.getString("client_secret"), metadata.getString("payment_id"),
                lastError != null ? reason(lastError) : null, captureBefore(intent));
    }

    /** Stripe's PaymentIntent status; a {@code requires_payment_method} after a decline is a failure. */
    static PaymentStatus status(String stripeStatus, boolean declined) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "requires_payment_method" -> declined ? PaymentStatus.FAILED : PaymentStatus.AWAITING_METHOD;
            case "requires_confirmation" -> PaymentStatus.AWAITING_METHOD;
            case "requires_action" -> PaymentStatus.ACTION_REQUIRED;
            case "processing" -> PaymentStatus.PROCESSING;
            case "requires_capture" -> PaymentStatus.HELD;
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "canceled" -> PaymentStatus.CANCELED;
            default -> throw new IllegalStateException("Unknown PaymentIntent status: " + stripeStatus);
        };
    }

    /** What the customer is told of a decline: Stripe's message, or its decline code. */
    static String reason(JsonObject error) {
        String message = error.getString("message");
        if (message != null && !message.isBlank()) {
            return message;
        }
        return error.getString("decline_code", error.getString("code", "declined"));
    }

    /** When an authorised card payment lapses, if the intent's latest charge is expanded into it. */
    private static Instant captureBefore(JsonObject intent) {
        Object charge = intent.getValue("latest_charge");
        if (!(charge instanceof JsonObject latest)) {
            return null;
        }
        JsonObject card = latest.getJsonObject("payment_method_details", new JsonObject()).getJsonObject("card");
        Long seconds = card != null ? card.getLong("capture_before") : null;
        return seconds != null ? Instant.ofEpochSecond(seconds) : null;
    }
}
