package com.garage.mobile.platform.push.apns;

import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.outbound.OutboundGuard;
import com.garage.mobile.platform.outbound.OutboundGuards;
import com.garage.mobile.platform.push.ProviderHttp;
import com.garage.mobile.platform.push.PushConfig;
import com.garage.mobile.platform.push.PushMessage;
import com.garage.mobile.platform.push.PushProvider;
import com.garage.mobile.platform.push.PushResult;
import com.garage.mobile.platform.push.PushTarget;
import com.garage.mobile.platform.push.Responses;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** iPhone pushes through APNs, over HTTP/2 with token authentication. */
@ApplicationScoped
public class ApnsClient implements PushProvider {

    public static final String BREAKER = "apns";
    private static final Set<String> DEAD_TOKEN = Set.of("BadDeviceToken", "DeviceTokenNotForTopic", "Unregistered");
    private static final Set<String> STALE_PROVIDER_TOKEN = Set.of("ExpiredProviderToken", "InvalidProviderToken");

    private final PushConfig.Apns config;
    private final ApnsProviderToken providerToken;
    private final WebClient http;
    private final OutboundGuard guard;

    public ApnsClient(PushConfig config, ApnsProviderToken providerToken, ProviderHttp http,
            OutboundGuards guards) {
        this.config = config.apns();
        this.providerToken = providerToken;
        this.http = http.client(true, this.config.trustCertificate());
        this.guard = guards.guard(BREAKER);
    }

    @Override
    public DevicePlatform platform() {
        return DevicePlatform.IOS;
    }

    @Override
    public String name() {
        return "APNs";
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Uni<PushResult> send(PushTarget target, PushMessage message) {
        return guard.call(() -> sendOnce(target, message));
    }

    private Uni<PushResult> sendOnce(PushTarget target, PushMessage message) {
        HttpRequest<Buffer> request = http.postAbs(config.baseUrl() + "/3/device/" + target.token())
                .putHeader("authorization", "bearer " + providerToken.current())
                .putHeader("apns-topic", target.staffApp() ? config.technicianTopic() : config.customerTopic())
                .putHeader("apns-push-type", "alert")
                .putHeader("apns-priority", message.priority() == PushPriority.HIGH ? "10" : "5")
                .putHeader("apns-expiration", Long.toString(message.expiresAt().getEpochSecond()));
        if (message.collapseKey() != null) {
            request.putHeader("apns-collapse-id", message.collapseKey());
        }
        return request.sendJsonObject(payload(message)).map(this::interpret);
    }

    private static JsonObject payload(PushMessage message) {
        JsonObject aps = new JsonObject()
                .put("alert", new JsonObject().put("title", message.title()).put("body", message.body()))
                .put("sound", "default");
        if (message.collapseKey() != null) {
            aps.put("thread-id", message.collapseKey());
        }
        JsonObject payload = new JsonObject().put("aps", aps);
        message.data().forEach(payload::put);
        return payload;
    }

    private PushResult interpret(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        String reason = Responses.json(response).getString("reason", "");
        if (status == 200) {
            return new PushResult.Delivered(response.getHeader("apns-id"));
        }
        if (status == 410 || (status == 400 && DEAD_TOKEN.contains(reason))) {
            return new PushResult.TokenRejected(reason.isEmpty() ? "Unregistered" : reason);
        }
        if (status == 403 && STALE_PROVIDER_TOKEN.contains(reason)) {
            providerToken.invalidate();
            throw Responses.unavailable(BREAKER, response);
        }
        if (Responses.isTransient(status)) {
            throw Responses.unavailable(BREAKER, response);
        }
        return new PushResult.Rejected(status + " " + reason);
    }
}
