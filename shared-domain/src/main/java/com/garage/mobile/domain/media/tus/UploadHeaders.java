package com.garage.mobile.domain.media.tus;

import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;

/** The numeric tus headers and the rules on them: the version, the creation's length, a chunk's offset. */
public final class UploadHeaders {

    private UploadHeaders() {
    }

    /** Refuses a request of another protocol version (412, as tus asks); one that names none is taken as ours. */
    public static void requireVersion(String resumable) {
        if (resumable != null && !Tus.VERSION.equals(resumable.trim())) {
            throw new ProblemException(ProblemType.TUS_VERSION_UNSUPPORTED,
                    "This server speaks tus " + Tus.VERSION + " only.");
        }
    }

    /** The creation's {@code Upload-Length}: positive, and at most the kind's cap (413 above it). */
    public static long length(String header, long cap) {
        long length = number(Tus.UPLOAD_LENGTH, header);
        if (length <= 0) {
            throw ProblemException.invalidField(Tus.UPLOAD_LENGTH, "must be at least 1");
        }
        if (length > cap) {
            throw tooLarge(cap);
        }
        return length;
    }

    /** A chunk's {@code Upload-Offset}, which must be where the upload stands (409 otherwise). */
    public static long requireOffset(String header, long stored) {
        long offset = number(Tus.UPLOAD_OFFSET, header);
        if (offset != stored) {
            throw new ProblemException(ProblemType.UPLOAD_OFFSET_MISMATCH,
                    "The upload stands at byte %d, not %d: continue from the offset HEAD gives.".formatted(stored,
                            offset));
        }
        return offset;
    }

    /** A chunk that would take the upload past its length or the kind's cap. */
    public static ProblemException tooLarge(long cap) {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                "The media may be at most %d bytes.".formatted(cap));
    }

    private static long number(String name, String header) {
        if (header == null || !header.matches("[0-9]{1,19}")) {
            throw ProblemException.invalidField(name, "must be a non-negative integer");
        }
        try {
            return Long.parseLong(header);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "is too large");
        }
    }
}
