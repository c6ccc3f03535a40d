package com.garage.mobile.api.inspections;

import com.garage.mobile.domain.media.Media;
import com.garage.mobile.domain.media.MediaKind;
import java.util.List;
import java.util.UUID;

/**
 * A stored photo or video as views of other features list it; both apps fetch it through the same
 * paths, which answer with a short-lived signed URL.
 */
public record MediaLink(UUID id, MediaKind kind, String contentType, String href, String thumbnailHref) {

    public static MediaLink of(Media media) {
        String href = "/api/v1/media/" + media.id;
        return new MediaLink(media.id, media.kind, media.contentType, href, href + "/thumbnail");
    }

    public static List<MediaLink> of(List<Media> media) {
        return media.stream().map(MediaLink::of).toList();
    }
}
