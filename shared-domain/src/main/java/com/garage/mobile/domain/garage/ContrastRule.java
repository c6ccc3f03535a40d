package com.garage.mobile.domain.garage;

import java.util.Locale;

/**
 * WCAG 2.2 contrast arithmetic (success criterion 1.4.3): relative luminance of an sRGB colour and the contrast
 * ratio of two colours, and the nearest colour to a brand's that keeps a required ratio against a background, so a
 * garage's own colour is used as it is when it can be read and only shaded as much as needed when it cannot.
 */
public final class ContrastRule {

    /** Normal text against its background: AA asks for 4.5 : 1. */
    public static final double AA_NORMAL_TEXT = 4.5;

    private static final double STEP = 0.02;

    private ContrastRule() {
    }

    /** The contrast ratio of two {@code #rrggbb} colours, from 1 (same) to 21 (black on white). */
    public static double ratio(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /**
     * The colour nearest to {@code colour}, mixed towards black (a light background) or white (a dark one), whose
     * ratio to {@code background} is at least {@code minimum}; the colour itself when it already is.
     */
    public static String readableOn(String colour, String background, double minimum) {
        int[] rgb = channels(colour);
        int target = luminance(background) > 0.5 ? 0 : 255;
        for (double mix = 0; mix <= 1.0 + 1e-9; mix += STEP) {
            String candidate = hex(mixed(rgb, target, mix));
            if (ratio(candidate, background) >= minimum) {
                return candidate;
            }
        }
        return hex(new int[] { target, target, target });
    }

    /** Relative luminance as WCAG defines it, 0 (black) to 1 (white). */
    public static double luminance(String colour) {
        int[] rgb = channels(colour);
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    /** Whether the text is a colour this rule reads: {@code #rrggbb}, lower or upper case. */
    public static boolean isColour(String text) {
        return text != null && text.matches("#[0-9a-fA-F]{6}");
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int[] mixed(int[] rgb, int target, double mix) {
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            out[i] = (int) Math.round(rgb[i] + (target - rgb[i]) * mix);
        }
        return out;
    }

    private static int[] channels(String colour) {
        if (!isColour(colour)) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + colour);
        }
        int value = Integer.parseInt(colour.substring(1), 16);
        return new int[] { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
    }

    private static String hex(int[] rgb) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }
}
