package com.garage.mobile.domain.media;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where media bytes live: an S3-compatible object store. Every method blocks; call it from a
 * worker thread, never from the event loop.
 */
public interface ObjectStore {

    /** Starts a multipart upload of the object; answers its upload id. */
    String startMultipart(String key, String contentType);

    /** Stores one part (at least the store's minimum part size, except the last) from a file; answers its ETag. */
    String uploadPart(String key, String multipartId, int number, Path part);

    /**
     * Stores one part of exactly {@code length} bytes, sent as they are read from {@code bytes}; the
     * stream is read once, so a failed part is not retried. Answers its ETag.
     */
    String uploadPart(String key, String multipartId, int number, InputStream bytes, long length);

    /** Joins the parts into the object. */
    void completeMultipart(String key, String multipartId, List<UploadPart> parts);

    /** Drops a multipart upload and the parts stored for it; harmless if it is gone already. */
    void abortMultipart(String key, String multipartId);

    /** Stores a whole (small) object from a file, replacing any object of that key. */
    void put(String key, Path file, String contentType);

    /** Reads an object; the caller closes the stream. */
    InputStream get(String key);

    /** Removes an object; harmless if it is gone already. */
    void delete(String key);

    /** A URL anyone holding it may GET the object with until it expires. */
    URI signedGet(String key, String contentType, Duration validFor);
}
