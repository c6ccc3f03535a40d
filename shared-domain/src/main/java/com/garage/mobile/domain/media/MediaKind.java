package com.garage.mobile.domain.media;

import java.util.Locale;
import java.util.Set;

/** What a media is: a photo, a video or an audio note, each with the content types its bytes may have. */
public enum MediaKind {
    PHOTO(Set.of("image/jpeg", "image/png", "image/heic", "image/heif")),
    VIDEO(Set.of("video/mp4", "video/quicktime", "video/x-m4v")),
    /** M4A is an MP4 container: some recorders brand it as video, so that sniffed type counts too. */
    AUDIO(Set.of("audio/mp4", "audio/x-m4a", "audio/m4a", "audio/aac", "audio/x-aac", "video/mp4"));

    private final Set<String> contentTypes;

    MediaKind(Set<String> contentTypes) {
        this.contentTypes = contentTypes;
    }

    /** Whether bytes of this content type (declared by the app or sniffed from the bytes) are of this kind. */
    public boolean accepts(String contentType) {
        return contentType != null && contentTypes.contains(contentType.toLowerCase(Locale.ROOT).split(";")[0].trim());
    }

    /** Whether thumbnails are made of this content type (what the JDK can decode). */
    public static boolean thumbnailed(String contentType) {
        return "image/jpeg".equals(contentType) || "image/png".equals(contentType);
    }
}
