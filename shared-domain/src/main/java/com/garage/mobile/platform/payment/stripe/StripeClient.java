package com.garage.mobile.platform.payment.stripe;

import com.garage.mobile.domain.payment.HostedCheckout;
import com.garage.mobile.domain.payment.IntentRequest;
import com.garage.mobile.domain.payment.PaymentDeclinedException;
import com.garage.mobile.domain.payment.PaymentProvider;
import com.garage.mobile.domain.payment.ProviderIntent;
import com.garage.mobile.domain.payment.ProviderRefusedException;
import com.garage.mobile.platform.outbound.OutboundGuard;
import com.garage.mobile.platform.outbound.OutboundGuards;
import com.garage.mobile.platform.outbound.RemoteUnavailableException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link PaymentProvider} on Stripe's REST API, through a Quarkus REST client and the
 * {@code stripe} outbound guard. Every creating call carries the idempotency key the caller keeps,
 * so a retry (ours, the guard's or the outbox's) replays Stripe's first answer.
 */
@ApplicationScoped
public class StripeClient implements PaymentProvider {

    public static final String NAME = "stripe";

    private final StripeConfig config;
    private final StripeApi api;
    private final OutboundGuard guard;
    private final Vertx vertx;

    public StripeClient(StripeConfig config, OutboundGuards guards, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.guard = guards.guard(NAME);
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(StripeApi.class);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<ProviderIntent> create(IntentRequest request) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("amount", Long.toString(request.amountMinor()));
        form.add("currency", request.currency().toLowerCase(Locale.ROOT));
        form.add("capture_method", request.manualCapture() ? "manual" : "automatic");
        form.add("automatic_payment_methods[enabled]", "true");
        form.add("description", request.description());
        form.add("metadata[payment_id]", request.paymentId().toString());
        form.add("metadata[job_id]", request.jobId().toString());
        return call(() -> api.createIntent(bearer(), request.idempotencyKey(), form), StripeObjects::intent);
    }

    @Override
    public Uni<ProviderIntent> confirm(String intentId, String paymentMethod, String idempotencyKey) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("payment_method", paymentMethod);
        form.add("return_url", config.returnUrl());
        return call(() -> api.confirmIntent(bearer(), idempotencyKey, intentId, form), StripeObjects::intent);
    }

    @Override
    public Uni<ProviderIntent> retrieve(String intentId) {
        return call(() -> api.retrieveIntent(bearer(), intentId), StripeObjects::intent);
    }

    @Override
    public Uni<ProviderIntent> capture(String intentId, String idempotencyKey) {
        return call(() -> api.captureIntent(bearer(), idempotencyKey, intentId, new MultivaluedHashMap<>()),
                StripeObjects::intent);
    }

    @Override
    public Uni<HostedCheckout> checkout(IntentRequest request, String returnUrl) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("mode", "payment");
        form.add("line_items[0][quantity]", "1");
        form.add("line_items[0][price_data][currency]", request.currency().toLowerCase(Locale.ROOT));
        form.add("line_items[0][price_data][unit_amount]", Long.toString(request.amountMinor()));
        form.add("line_items[0][price_data][product_data][name]", request.description());
        form.add("payment_intent_data[capture_method]", request.manualCapture() ? "manual" : "automatic");
        form.add("payment_intent_data[metadata][payment_id]", request.paymentId().toString());
        form.add("payment_intent_data[metadata][job_id]", request.jobId().toString());
        form.add("metadata[payment_id]", request.paymentId().toString());
        form.add("client_reference_id", request.paymentId().toString());
        form.add("success_url", returnUrl);
        form.add("cancel_url", returnUrl);
        return call(() -> api.createCheckoutSession(bearer(), request.idempotencyKey() + "-checkout", form),
                session -> new HostedCheckout(session.getString("id"), session.getString("url")));
    }

    /** A decline is an answer, not a failure of Stripe: it is thrown outside the guard, so it never trips the breaker. */
    private <T> Uni<T> call(Supplier<Uni<Response>> request, Function<JsonObject, T> read) {
        Context caller = callersContext();
        return guard.call(() -> request.get().map(StripeClient::interpret))
                .emitOn(task -> caller.runOnContext(ignored -> task.run()))
                .map(answer -> {
                    if (answer.declined()) {
                        JsonObject intent = answer.error().getJsonObject("payment_intent");
                        throw new PaymentDeclinedException(StripeObjects.reason(answer.error()),
                                intent != null ? StripeObjects.intent(intent) : null);
                    }
                    return read.apply(answer.body());
                });
    }

    private static Answer interpret(Response response) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        JsonObject json = body.isBlank() ? new JsonObject() : new JsonObject(body);
        if (status >= 200 && status < 300) {
            return new Answer(json, null);
        }
        JsonObject error = json.getJsonObject("error", new JsonObject());
        if (status == 402 || "card_error".equals(error.getString("type"))) {
            return new Answer(json, error);
        }
        if (status == 429 || status >= 500) {
            throw new RemoteUnavailableException(NAME, status + " " + error.getString("type", ""));
        }
        throw new ProviderRefusedException(NAME, status, error.getString("type"), error.getString("code"));
    }

    /**
     * The answer is handed back on the caller's duplicated context (a new one for a caller without),
     * since the caller goes on with a Hibernate Reactive session, which is bound to it.
     */
    private Context callersContext() {
        Context current = Vertx.currentContext();
        if (current != null && VertxContext.isDuplicatedContext(current)) {
            return current;
        }
        return VertxContext.createNewDuplicatedContext(current != null ? current : vertx.getOrCreateContext());
    }

    private record Answer(JsonObject body, JsonObject error) {
        boolean declined() {
            return error != null;
        }
    }

    private String bearer() {
        return "Bearer " + config.secretKey().orElseThrow(() -> new ProviderRefusedException(NAME, 401, "configuration",
                "no secret key configured (garage.payments.stripe.secret-key)"));
    }
}
