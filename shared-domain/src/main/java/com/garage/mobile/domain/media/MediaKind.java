package com.garage.mobile.domain.media;

/** What a media is: a photo, a video or an audio note. */
public enum MediaKind {
    PHOTO,
    VIDEO,
    AUDIO
}
