package com.garage.mobile.domain.media;

/** One part of a multipart upload as the store acknowledged it. */
public record UploadPart(int number, String etag, long size) {
}
