package com.garage.mobile.domain.audit;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A position in a garage's audit trail, newest first: the id of the last entry seen. Opaque to clients. */
public record AuditCursor(long entryId) {

    private static final String PREFIX = "a1|";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + entryId).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor sent by a client; null or blank means the first page. */
    public static AuditCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw invalid();
            }
            return new AuditCursor(Long.parseLong(raw.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.INVALID_CURSOR,
                "The cursor is not one we issued. Start again without a cursor.");
    }
}
