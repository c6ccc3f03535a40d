package com.garage.mobile.platform.push.fcm;

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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Optional;

/** Android pushes through the FCM HTTP v1 API. */
@ApplicationScoped
public class FcmClient implements PushProvider {

    public static final String BREAKER = "fcm";

    private final PushConfig.Fcm config;
    private final FcmAccessTokens tokens;
    private final WebClient http;
    private final OutboundGuard guard;

    public FcmClient(PushConfig config, FcmAccessTokens tokens, ProviderHttp http,
            OutboundGuards guards) {
        this.config = config.fcm();
        this.tokens = tokens;
        this.http = http.client(false, Optional.empty());
        this.guard = guards.guard(BREAKER);
    }

    @Override
    public DevicePlatform platform() {
        return DevicePlatform.ANDROID;
    }

    @Override
    public String name() {
        return "FCM";
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
        String url = config.baseUrl() + "/v1/projects/" + config.projectId().orElseThrow() + "/messages:send";
        return tokens.current()
                .chain(accessToken -> http.postAbs(url).bearerTokenAuthentication(accessToken)
                        .sendJsonObject(new JsonObject().put("message", message(target, message))))
                .map(this::interpret);
    }

    private static JsonObject message(PushTarget target, PushMessage message) {
        JsonObject android = new JsonObject()
                .put("priority", message.priority() == PushPriority.HIGH ? "HIGH" : "NORMAL")
                .put("ttl", message.ttl().toSeconds() + "s");
        JsonObject display = new JsonObject();
        if (message.collapseKey() != null) {
            // collapse_key drops an older message still queued; the tag replaces one already shown.
            android.put("collapse_key", message.collapseKey());
            display.put("tag", message.collapseKey());
        }
        android.put("notification", display);
        return new JsonObject()
                .put("token", target.token())
                .put("notification", new JsonObject().put("title", message.title()).put("body", message.body()))
                .put("data", new JsonObject(new HashMap<>(message.data())))
                .put("android", android);
    }

    private PushResult interpret(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonObject error = Responses.json(response).getJsonObject("error", new JsonObject());
        String code = errorCode(error);
        if (status == 200) {
            return new PushResult.Delivered(Responses.json(response).getString("name"));
        }
        if ((status == 404 && "UNREGISTERED".equals(code)) || (status == 403 && "SENDER_ID_MISMATCH".equals(code))) {
            return new PushResult.TokenRejected(code);
        }
        if (status == 401) {
            tokens.invalidate();
            throw Responses.unavailable(BREAKER, response);
        }
        if (Responses.isTransient(status)) {
            throw Responses.unavailable(BREAKER, response);
        }
        return new PushResult.Rejected(status + " " + (code != null ? code : error.getString("message", "")));
    }

    /** The {@code errorCode} FCM puts in the error's details, or the error's status. */
    private static String errorCode(JsonObject error) {
        JsonArray details = error.getJsonArray("details", new JsonArray());
        for (int i = 0; i < details.size(); i++) {
            JsonObject detail = details.getJsonObject(i);
            if (detail != null && detail.getString("errorCode") != null) {
                return detail.getString("errorCode");
            }
        }
        return error.getString("status");
    }
}
