package com.garage.mobile.domain.paging;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in a list ordered by (instant, id). Opaque to clients; one that does not
 * decode is refused rather than read as "from the start".
 */
public record PageCursor(Instant sortKey, UUID id) {

    private static final String PREFIX = "p1|";

    public String encode() {
        String raw = PREFIX + sortKey + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor sent by a client; null or blank means the first page. */
    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 3 || !raw.startsWith(PREFIX)) {
                throw invalid();
            }
            return new PageCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "The cursor is not one we issued. Start again without a cursor.");
    }
}
