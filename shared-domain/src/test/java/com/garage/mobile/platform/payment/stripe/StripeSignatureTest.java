package com.garage.mobile.platform.payment.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256AsHex() {
        // Computed independently: python3 -c "hmac.new(b'whsec_test', b'1700000000.{}', hashlib.sha256).hexdigest()"
        assertEquals("35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91",
                StripeSignature.sign("whsec_test", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignatureByTheCurrentOrThePreviousSecretIsValid() {
        for (String secret : List.of("whsec_new", "whsec_old")) {
            assertNull(StripeSignature.refusal(header(secret, NOW), BODY, List.of("whsec_new", "whsec_old"), NOW,
                    TOLERANCE));
        }
    }

    @Test
    void anotherBodyOrSecretIsRefused() {
        assertTrue(StripeSignature.refusal(header("whsec_other", NOW), BODY, List.of("whsec_new"), NOW, TOLERANCE)
                .contains("No signature matches"));
        String signed = header("whsec_new", NOW);
        assertTrue(StripeSignature.refusal(signed, "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8),
                List.of("whsec_new"), NOW, TOLERANCE).contains("No signature matches"));
    }

    @Test
    void aTimestampBeyondTheToleranceIsRefusedEvenWithAGoodSignature() {
        Instant old = NOW.minusSeconds(301);
        assertTrue(StripeSignature.refusal(header("whsec_new", old), BODY, List.of("whsec_new"), NOW, TOLERANCE)
                .contains("tolerance"));
        assertNull(StripeSignature.refusal(header("whsec_new", NOW.minusSeconds(300)), BODY, List.of("whsec_new"),
                NOW, TOLERANCE));
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String header : new String[] {null, "", "v1=abc", "t=abc,v1=abc", "t=1700000000"}) {
            assertTrue(StripeSignature.refusal(header, BODY, List.of("whsec_new"), NOW, TOLERANCE) != null, header);
        }
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatch() {
        String header = "t=" + NOW.getEpochSecond() + ",v1=deadbeef,v1="
                + StripeSignature.sign("whsec_new", NOW.getEpochSecond(), BODY) + ",v0=ignored";
        assertNull(StripeSignature.refusal(header, BODY, List.of("whsec_new"), NOW, TOLERANCE));
    }

    private static String header(String secret, Instant at) {
        return "t=" + at.getEpochSecond() + ",v1=" + StripeSignature.sign(secret, at.getEpochSecond(), BODY);
    }
}
