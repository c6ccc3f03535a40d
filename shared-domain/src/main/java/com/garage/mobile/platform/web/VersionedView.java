package com.garage.mobile.platform.web;

/**
 * A representation of one versioned record. Its GET answers carry {@code ETag: "<version>"} and
 * honour {@code If-None-Match} ({@link EntityTags}).
 */
public interface VersionedView {

    long version();
}
