package com.garage.mobile.domain.access;

import java.util.Arrays;
import java.util.Locale;

/** What an app build runs on; apps name it in lower case ({@code ios}, {@code android}, {@code web}). */
public enum AppPlatform {
    IOS,
    ANDROID,
    WEB;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The platform an app names, or null when the text names none. */
    public static AppPlatform parse(String text) {
        return text == null ? null
                : Arrays.stream(values()).filter(platform -> platform.value().equals(text.trim())).findFirst()
                        .orElse(null);
    }
}
