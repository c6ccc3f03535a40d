package com.garage.mobile.testing;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wiremock.webhooks.WebhookDefinition;
import org.wiremock.webhooks.WebhookTransformer;

/**
 * The partner stub's side of our webhook contract, as a WireMock extension: fills each webhook of a
 * mapping ({@code local/partner-stub}) with the request it answers ({@code ${id}}, {@code ${eventId}},
 * {@code ${at}} = now plus the webhook's delay, {@code ${eta}}), aims it at {@code ${callback}} and
 * signs it like a partner ({@code Garage-Partner-Signature: t=…,v1=HMAC-SHA256("t.body")}). Written
 * on its own (not with our PartnerSignature), so a test proves two implementations agree. The local
 * stack compiles this file against the WireMock jar and loads it with {@code --extensions}; settings
 * from system properties {@code partner.stub.secret}, {@code partner.stub.callback}, {@code partner.stub.partner}.
 */
public class PartnerStubWebhooks implements WebhookTransformer {

    private volatile String secret;
    private volatile String callback;
    private volatile String partner;

    public PartnerStubWebhooks() {
        this(System.getProperty("partner.stub.secret", "whpartner_local_stack"),
                System.getProperty("partner.stub.callback", "http://127.0.0.1:8082"),
                System.getProperty("partner.stub.partner", "roadside-demo"));
    }

    public PartnerStubWebhooks(String secret, String callback, String partner) {
        this.secret = secret;
        this.callback = callback;
        this.partner = partner;
    }

    /** Where the webhooks go from now on (a test learns its random port after the stub started). */
    public void callbackTo(String url) {
        this.callback = url;
    }

    /** Signs with another secret from now on (a test of a wrongly signed partner). */
    public void signWith(String newSecret) {
        this.secret = newSecret;
    }

    @Override
    public String getName() {
        return "garage-partner-webhooks";
    }

    @Override
    @SuppressWarnings("unchecked")
    public WebhookDefinition transform(ServeEvent serveEvent, WebhookDefinition webhook) {
        Map<String, Object> request = Json.read(serveEvent.getRequest().getBodyAsString(), Map.class);
        String reference = String.valueOf(request.get("reference"));
        Instant at = Instant.now().plusMillis(webhook.getDelaySampleMillis());
        String body = webhook.getBody()
                .replace("${id}", "rs-" + reference)
                .replace("${eventId}", "evt-" + UUID.randomUUID())
                .replace("${at}", at.toString())
                .replace("${eta}", at.plus(Duration.ofMinutes(20)).toString());
        long t = at.getEpochSecond();
        return webhook.withUrl(webhook.getUrl().replace("${callback}", callback).replace("${partner}", partner))
                .withBody(body)
                .withHeader("Garage-Partner-Signature", "t=" + t + ",v1=" + hmac(t + "." + body));
    }

    private String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
