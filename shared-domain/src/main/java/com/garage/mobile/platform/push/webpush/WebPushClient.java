package com.garage.mobile.platform.push.webpush;

import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.domain.notification.device.KeyMaterial;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.regex.Pattern;

/** Browser pushes through the subscriber's push service (RFC 8030), encrypted and VAPID-signed. */
@ApplicationScoped
public class WebPushClient implements PushProvider {

    public static final String BREAKER = "web-push";
    /** A {@code Topic} is at most 32 characters of the URL-safe base64 alphabet. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final PushConfig.Web config;
    private final VapidTokens vapid;
    private final WebClient http;
    private final OutboundGuard guard;

    public WebPushClient(PushConfig config, VapidTokens vapid, ProviderHttp http,
            OutboundGuards guards) {
        this.config = config.web();
        this.vapid = vapid;
        this.http = http.client(false, this.config.trustCertificate());
        this.guard = guards.guard(BREAKER);
    }

    @Override
    public DevicePlatform platform() {
        return DevicePlatform.WEB;
    }

    @Override
    public String name() {
        return "Web Push";
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
        byte[] plaintext = payload(message).encode().getBytes(StandardCharsets.UTF_8);
        if (plaintext.length > WebPushEncryption.MAX_PLAINTEXT) {
            return Uni.createFrom().item(new PushResult.Rejected("payload too large for Web Push"));
        }
        byte[] body = WebPushEncryption.encrypt(plaintext, KeyMaterial.base64Url(target.webPushP256dh()),
                KeyMaterial.base64Url(target.webPushAuth()));
        HttpRequest<Buffer> request = http.postAbs(target.token())
                .putHeader("TTL", Long.toString(message.ttl().toSeconds()))
                .putHeader("Urgency", message.priority() == PushPriority.HIGH ? "high" : "normal")
                .putHeader("Content-Encoding", "aes128gcm")
                .putHeader("Content-Type", "application/octet-stream")
                .putHeader("Authorization", vapid.authorization(origin(target.token())));
        if (message.collapseKey() != null) {
            request.putHeader("Topic", topic(message.collapseKey()));
        }
        return request.sendBuffer(Buffer.buffer(body)).map(this::interpret);
    }

    /** What the app's service worker receives; {@code tag} makes a newer notification replace an older one. */
    private static JsonObject payload(PushMessage message) {
        JsonObject payload = new JsonObject().put("title", message.title()).put("body", message.body())
                .put("data", new JsonObject(new HashMap<>(message.data())));
        if (message.collapseKey() != null) {
            payload.put("tag", message.collapseKey());
        }
        return payload;
    }

    private PushResult interpret(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 200 || status == 201 || status == 202) {
            return new PushResult.Delivered(response.getHeader("Location"));
        }
        if (status == 404 || status == 410) {
            return new PushResult.TokenRejected("subscription gone (" + status + ")");
        }
        if (Responses.isTransient(status)) {
            throw Responses.unavailable(BREAKER, response);
        }
        return new PushResult.Rejected(status + " " + Responses.abbreviated(response.bodyAsString()));
    }

    private static String origin(String endpoint) {
        URI uri = URI.create(endpoint);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() != -1 ? ":" + uri.getPort() : "");
    }

    /** The collapse key as a Topic: itself when it fits, else a digest of it. */
    static String topic(String collapseKey) {
        if (TOPIC.matcher(collapseKey).matches()) {
            return collapseKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(collapseKey.getBytes(StandardCharsets.UTF_8));
            return KeyMaterial.base64Url(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
