package com.garage.mobile.domain.access;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted version such as {@code 14}, {@code 17.4.1} or {@code 3.2.0-beta.1}, compared part by
 * part as numbers; missing parts count as zero, a pre-release ranks below the release it precedes
 * and build metadata ({@code +build.5}) does not count.
 */
public final class SoftwareVersion implements Comparable<SoftwareVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9}){0,5})([-+][0-9A-Za-z.-]{1,40})?");

    private final String text;
    private final int[] parts;
    private final boolean preRelease;

    private SoftwareVersion(String text, int[] parts, boolean preRelease) {
        this.text = text;
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
        return new SoftwareVersion(text.trim(), parts, matcher.group(2) != null && matcher.group(2).startsWith("-"));
    }

    public boolean isBefore(SoftwareVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(SoftwareVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int mine = i < parts.length ? parts[i] : 0;
            int theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return Boolean.compare(other.preRelease, preRelease);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SoftwareVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int significant = parts.length;
        while (significant > 1 && parts[significant - 1] == 0) {
            significant--;
        }
        return 31 * Arrays.hashCode(Arrays.copyOf(parts, significant)) + Boolean.hashCode(preRelease);
    }

    /** The version as it was written. */
    @Override
    public String toString() {
        return text;
    }
}
