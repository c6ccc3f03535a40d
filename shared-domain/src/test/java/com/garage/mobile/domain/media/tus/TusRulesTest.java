package com.garage.mobile.domain.media.tus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.media.MediaKind;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TusRulesTest {

    private static final UUID STEP = UUID.fromString("0f6c2b0e-1d2a-4a77-9e4b-0b1d2c3e4f50");
    private static final UUID MEDIA = UUID.fromString("9e1f0c4d-5b6a-4c3d-8e2f-1a2b3c4d5e6f");

    @Test
    void metadataNamesTargetKindTypeAndClientId() {
        UploadMetadata metadata = UploadMetadata.parse(header("targetType", "job-step", "targetId", STEP.toString(),
                "kind", "photo", "contentType", "image/JPEG", "clientMediaId", MEDIA.toString(), "filename",
                "brake pads.jpg"));
        assertEquals("job-step", metadata.targetType());
        assertEquals(STEP, metadata.targetId());
        assertEquals(MediaKind.PHOTO, metadata.kind());
        assertEquals("image/jpeg", metadata.contentType());
        assertEquals(MEDIA, metadata.clientMediaId());
        assertEquals("brake pads.jpg", metadata.filename());
    }

    @Test
    void metadataWithoutFilenameIsFine() {
        assertNull(UploadMetadata.parse(header("targetType", "job", "targetId", STEP.toString(), "kind", "video",
                "contentType", "video/mp4", "clientMediaId", MEDIA.toString())).filename());
    }

    @Test
    void badMetadataNamesEveryBadField() {
        ProblemException problem = assertThrows(ProblemException.class, () -> UploadMetadata.parse(
                header("targetType", "Job!", "targetId", "nope", "kind", "hologram", "clientMediaId", "x")
                        + ",filename " + b64("a\u0000b")));
        assertEquals(ProblemType.VALIDATION.uri(), problem.problem().type());
        List<String> fields = problem.problem().errors().stream().map(Problem.FieldError::field).toList();
        assertEquals(List.of("Upload-Metadata.targetType", "Upload-Metadata.targetId", "Upload-Metadata.kind",
                "Upload-Metadata.contentType", "Upload-Metadata.clientMediaId", "Upload-Metadata.filename"), fields);
    }

    @Test
    void aContentTypeOfAnotherKindIsRefused() {
        ProblemException problem = assertThrows(ProblemException.class, () -> UploadMetadata.parse(header(
                "targetType", "job", "targetId", STEP.toString(), "kind", "photo", "contentType",
                "application/x-msdownload", "clientMediaId", MEDIA.toString())));
        assertEquals("Upload-Metadata.contentType", problem.problem().errors().get(0).field());
    }

    @Test
    void missingOrMalformedMetadataIsRefused() {
        assertThrows(ProblemException.class, () -> UploadMetadata.parse(null));
        assertThrows(ProblemException.class, () -> UploadMetadata.parse("targetType not-base64!"));
        assertThrows(ProblemException.class, () -> UploadMetadata.parse("kind " + b64("photo") + ",kind "
                + b64("video")));
    }

    @Test
    void checksumParsesSha256AndSha1AndVerifies() throws Exception {
        byte[] chunk = "some bytes".getBytes(StandardCharsets.UTF_8);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(chunk);
        UploadChecksum checksum = UploadChecksum.parse("sha256 " + Base64.getEncoder().encodeToString(sha256))
                .orElseThrow();
        assertArrayEquals(sha256, checksum.digest());
        assertDoesNotThrow(() -> checksum.requireMatch(checksum.newDigest().digest(chunk)));
        ProblemException mismatch = assertThrows(ProblemException.class,
                () -> checksum.requireMatch(checksum.newDigest().digest("other".getBytes(StandardCharsets.UTF_8))));
        assertEquals(460, mismatch.problem().status());
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(chunk);
        assertTrue(UploadChecksum.parse("sha1 " + Base64.getEncoder().encodeToString(sha1)).isPresent());
        assertTrue(UploadChecksum.parse(null).isEmpty());
    }

    @Test
    void unsupportedOrMalformedChecksumsAreRefused() {
        for (String header : List.of("md5 AAAA", "sha256", "sha256 !!!", "sha1 " + b64("short"))) {
            ProblemException problem = assertThrows(ProblemException.class, () -> UploadChecksum.parse(header));
            assertEquals(400, problem.problem().status(), header);
        }
    }

    @Test
    void offsetMustBeWhereTheUploadStands() {
        assertEquals(5, UploadHeaders.requireOffset("5", 5));
        assertEquals(409, assertThrows(ProblemException.class, () -> UploadHeaders.requireOffset("0", 5))
                .problem().status());
        for (String bad : new String[] {null, "-1", "1.5", "abc", "99999999999999999999"}) {
            assertEquals(400, assertThrows(ProblemException.class, () -> UploadHeaders.requireOffset(bad, 0))
                    .problem().status(), String.valueOf(bad));
        }
    }

    @Test
    void lengthIsPositiveAndWithinTheCap() {
        assertEquals(100, UploadHeaders.length("100", 100));
        assertEquals(413, assertThrows(ProblemException.class, () -> UploadHeaders.length("101", 100))
                .problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> UploadHeaders.length("0", 100))
                .problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> UploadHeaders.length(null, 100))
                .problem().status());
    }

    @Test
    void anotherProtocolVersionIsRefused() {
        assertDoesNotThrow(() -> UploadHeaders.requireVersion("1.0.0"));
        assertDoesNotThrow(() -> UploadHeaders.requireVersion(null));
        assertEquals(412, assertThrows(ProblemException.class, () -> UploadHeaders.requireVersion("0.2.2"))
                .problem().status());
    }

    @Test
    void kindsAcceptTheirContentTypesOnly() {
        assertTrue(MediaKind.PHOTO.accepts("image/heic"));
        assertTrue(MediaKind.VIDEO.accepts("video/quicktime"));
        assertTrue(MediaKind.AUDIO.accepts("audio/mp4"));
        assertTrue(!MediaKind.PHOTO.accepts("application/x-msdownload"));
        assertTrue(!MediaKind.VIDEO.accepts("image/jpeg"));
        assertTrue(Tus.isChunk("application/offset+octet-stream; charset=ISO-8859-1"));
    }

    private static String header(String... pairs) {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            header.append(i == 0 ? "" : ",").append(pairs[i]).append(' ').append(b64(pairs[i + 1]));
        }
        return header.toString();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
