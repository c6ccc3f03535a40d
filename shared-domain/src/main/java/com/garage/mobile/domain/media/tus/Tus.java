package com.garage.mobile.domain.media.tus;

/** The tus 1.0.0 protocol as this server speaks it (https://tus.io/protocols/resumable-upload). */
public final class Tus {

    public static final String VERSION = "1.0.0";
    public static final String EXTENSIONS = "creation,creation-with-upload,expiration,checksum,termination";
    public static final String CHECKSUM_ALGORITHMS = "sha256,sha1";
    /** The only body a chunk may have. */
    public static final String CHUNK_TYPE = "application/offset+octet-stream";

    public static final String RESUMABLE = "Tus-Resumable";
    public static final String TUS_VERSION = "Tus-Version";
    public static final String TUS_EXTENSION = "Tus-Extension";
    public static final String TUS_MAX_SIZE = "Tus-Max-Size";
    public static final String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    public static final String UPLOAD_OFFSET = "Upload-Offset";
    public static final String UPLOAD_LENGTH = "Upload-Length";
    public static final String UPLOAD_METADATA = "Upload-Metadata";
    public static final String UPLOAD_CHECKSUM = "Upload-Checksum";
    public static final String UPLOAD_EXPIRES = "Upload-Expires";

    private Tus() {
    }

    /** Whether a Content-Type (parameters aside) is a tus chunk's. */
    public static boolean isChunk(String contentType) {
        return contentType != null && contentType.split(";")[0].trim().equalsIgnoreCase(CHUNK_TYPE);
    }
}
