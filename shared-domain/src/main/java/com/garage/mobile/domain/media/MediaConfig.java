package com.garage.mobile.domain.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Media settings: the bucket, size caps per kind, upload expiry, signed URL lifetime (docs/media.md). */
@ConfigMapping(prefix = "garage.media")
public interface MediaConfig {

    /** The object store's bucket holding every garage's media, under {@code <garage>/<job>/<media>}. */
    @WithDefault("garage-media")
    String bucket();

    /** The largest photo. */
    @WithDefault("25M")
    MemorySize photoMaxSize();

    /** The largest video. */
    @WithDefault("500M")
    MemorySize videoMaxSize();

    /** The largest audio note. */
    @WithDefault("50M")
    MemorySize audioMaxSize();

    /** The size of the parts sent to the store; S3 wants at least 5 MiB for every part but the last. */
    @WithDefault("5M")
    MemorySize partSize();

    /** How long an unfinished upload may wait for its next chunk before it is removed. */
    @WithDefault("24h")
    Duration uploadExpiry();

    /** How long a signed URL to a media's bytes stays valid. */
    @WithDefault("5m")
    Duration signedUrlTtl();

    /** The longer side of a thumbnail, in pixels. */
    @WithDefault("320")
    int thumbnailSize();

    /** Where chunks are spooled while their checksum is verified; the JVM's temporary directory if unset. */
    Optional<Path> spoolDirectory();

    /** The cap for one kind. */
    default long maxSize(MediaKind kind) {
        return switch (kind) {
            case PHOTO -> photoMaxSize().asLongValue();
            case VIDEO -> videoMaxSize().asLongValue();
            case AUDIO -> audioMaxSize().asLongValue();
        };
    }

    /** The largest media of any kind: no chunk may be longer. */
    default long largestSize() {
        long largest = 0;
        for (MediaKind kind : MediaKind.values()) {
            largest = Math.max(largest, maxSize(kind));
        }
        return largest;
    }
}
