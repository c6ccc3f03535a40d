package com.garage.mobile.platform.partner;

import com.garage.mobile.platform.outbound.OutboundGuard;
import com.garage.mobile.platform.outbound.OutboundGuards;
import com.garage.mobile.platform.outbound.RemoteUnavailableException;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The one way we call a partner's JSON API: its base URL and key from {@link PartnerConnectorConfig},
 * every call through the partner's own guard ({@code partner-<name>}: timeout, retries with backoff
 * and jitter on 429/5xx and refused connections, circuit breaker, bulkhead) and counted in
 * {@link PartnerMetrics}. An answer that is not a JSON object is refused as garbage and logged by
 * partner, status and size only, never its content (it may hold personal data).
 */
@ApplicationScoped
public class PartnerHttp {

    private static final Logger LOG = Logger.getLogger(PartnerHttp.class);

    private final PartnerConnectorConfig config;
    private final OutboundGuards guards;
    private final PartnerMetrics metrics;
    private final WebClient client;
    private final Map<String, OutboundGuard> guardByPartner = new ConcurrentHashMap<>();

    public PartnerHttp(PartnerConnectorConfig config, OutboundGuards guards, PartnerMetrics metrics, Vertx vertx) {
        this.config = config;
        this.guards = guards;
        this.metrics = metrics;
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(3000).setKeepAlive(true));
    }

    /** The name of a partner's guard and circuit breaker. */
    public static String guardName(String partner) {
        return "partner-" + partner;
    }

    /** Whether the partner has an endpoint configured; a partner without one is off. */
    public boolean configured(String partner) {
        return config.connector().get(partner).baseUrl().isPresent();
    }

    /** Calls {@code path} on the partner's API with a JSON body (or none) and answers its JSON object. */
    public Uni<JsonObject> call(String partner, HttpMethod method, String path, JsonObject body) {
        String base = config.connector().get(partner).baseUrl().orElseThrow(() -> new PartnerAnswerRefused(partner,
                "no endpoint configured (garage.partners.connector." + partner + ".base-url)", false));
        return call(partner, base, method, path, body);
    }

    /** As above, on a base URL of the caller's settings (a public API that needs no connector entry). */
    public Uni<JsonObject> call(String partner, String base, HttpMethod method, String path, JsonObject body) {
        PartnerConnectorConfig.Connector connector = config.connector().get(partner);
        OutboundGuard guard = guardByPartner.computeIfAbsent(partner, name -> guards.guard(guardName(name)));
        Timer.Sample sample = metrics.start(partner);
        return guard.call(() -> send(partner, connector, method, base + path, body))
                .onItemOrFailure().invoke((answer, failure) -> metrics.end(partner, sample, outcome(failure)));
    }

    private Uni<JsonObject> send(String partner, PartnerConnectorConfig.Connector connector, HttpMethod method,
            String url, JsonObject body) {
        HttpRequest<Buffer> request = client.requestAbs(method, url).putHeader("Accept", "application/json")
                .connectTimeout(connector.connectTimeout().toMillis());
        connector.apiKey().ifPresent(key -> request.putHeader("Authorization", "Bearer " + key));
        Uni<HttpResponse<Buffer>> sent = body != null ? request.sendJsonObject(body) : request.send();
        return sent.map(response -> interpret(partner, response));
    }

    private static JsonObject interpret(String partner, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new RemoteUnavailableException(guardName(partner), "HTTP " + status);
        }
        if (status >= 400) {
            throw new PartnerAnswerRefused(partner, "refused with HTTP " + status, false);
        }
        Buffer raw = response.body();
        try {
            Object parsed = raw == null ? null : raw.toJsonValue();
            if (parsed instanceof JsonObject json) {
                return json;
            }
        } catch (DecodeException notJson) {
            // fall through: garbage, logged below without its content
        }
        LOG.warnf("Partner %s answered HTTP %d with %d byte(s) that are not a JSON object; refused", partner, status,
                raw == null ? 0 : raw.length());
        throw new PartnerAnswerRefused(partner, "answered something that is not a JSON object", true);
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof PartnerAnswerRefused refused) {
            return refused.garbage() ? "garbage" : "refused";
        }
        return "unavailable";
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
