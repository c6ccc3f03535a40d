package com.garage.mobile.platform.security.posture;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted version such as {@code 14}, {@code 17.4.1} or {@code 3.2.0-beta.1}, compared part by
 * part as numbers; a pre-release ranks below the release it precedes.
 */
public final class SoftwareVersion {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9}){0,5})([-+][0-9A-Za-z.-]{1,40})?");

    private final int[] parts;
    private final boolean preRelease;

    private SoftwareVersion(int[] parts, boolean preRelease) {
        this.parts = parts;
        this.preRelease = preRelease;
    }

    /** The version, or null when the text is not a version. */
    public static SoftwareVersion parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        int[] parts = Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
        return new SoftwareVersion(parts, matcher.group(2) != null && matcher.group(2).startsWith("-"));
    }

    public boolean isBefore(SoftwareVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int mine = i < parts.length ? parts[i] : 0;
            int theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return mine < theirs;
            }
        }
        return preRelease && !other.preRelease;
    }
}
