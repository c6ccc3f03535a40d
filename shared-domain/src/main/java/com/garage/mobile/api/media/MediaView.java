package com.garage.mobile.api.media;

import com.garage.mobile.domain.media.Media;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored media as apps list it: what it is, what it is attached to, and where to fetch it and its
 * thumbnail (each answers 303 to a short-lived signed URL).
 */
public record MediaView(UUID id, String kind, String contentType, String targetType, UUID targetId, String href,
        String thumbnailHref, Instant storedAt, long version) {

    /** Where a media's bytes are fetched (303 to a short-lived signed URL). */
    public static String href(UUID mediaId) {
        return MediaResource.PATH + "/" + mediaId;
    }

    public static MediaView of(Media media) {
        String href = href(media.id);
        return new MediaView(media.id, media.kind.name(), media.contentType, media.targetType, media.targetId, href,
                media.thumbnailKey != null ? href + "/thumbnail" : null, media.storedAt, media.version);
    }
}
