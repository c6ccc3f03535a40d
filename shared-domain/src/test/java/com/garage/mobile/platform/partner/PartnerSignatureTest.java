package com.garage.mobile.platform.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerSignatureTest {

    private static final byte[] BODY = "{\"eventId\":\"evt-1\",\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    @Test
    void aSignatureByAnyConfiguredSecretWithinTheToleranceIsValid() {
        String header = PartnerSignature.header("old", NOW.minusSeconds(299), BODY);
        assertNull(PartnerSignature.refusal(header, BODY, List.of("new", "old"), NOW, TOLERANCE));
    }

    @Test
    void aSignatureOutsideTheToleranceIsRefused() {
        String header = PartnerSignature.header("new", NOW.minusSeconds(301), BODY);
        assertTrue(PartnerSignature.refusal(header, BODY, List.of("new"), NOW, TOLERANCE).contains("tolerance"));
    }

    @Test
    void anotherSecretOrAnotherBodyIsRefused() {
        assertTrue(PartnerSignature.refusal(PartnerSignature.header("someone", NOW, BODY), BODY, List.of("new"), NOW,
                TOLERANCE).startsWith("No signature matches"));
        byte[] changed = "{\"eventId\":\"evt-1\",\"status\":\"completed\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(PartnerSignature.refusal(PartnerSignature.header("new", NOW, BODY), changed, List.of("new"), NOW,
                TOLERANCE).startsWith("No signature matches"));
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        assertEquals("The Garage-Partner-Signature header is missing.",
                PartnerSignature.refusal(null, BODY, List.of("new"), NOW, TOLERANCE));
        assertTrue(PartnerSignature.refusal("t=abc,v1=00", BODY, List.of("new"), NOW, TOLERANCE).contains("no timestamp"));
        assertTrue(PartnerSignature.refusal("v1=00", BODY, List.of("new"), NOW, TOLERANCE).contains("no timestamp"));
    }

    @Test
    void theSignedTextIsTheTimestampADotAndTheRawBody() {
        assertEquals(PartnerSignature.sign("k", 1, "1.x".substring(2).getBytes(StandardCharsets.UTF_8)),
                PartnerSignature.sign("k", 1, "x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(64, PartnerSignature.sign("k", 1, BODY).length());
    }
}
