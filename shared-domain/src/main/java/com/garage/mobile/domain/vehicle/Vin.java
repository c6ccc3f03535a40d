package com.garage.mobile.domain.vehicle;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vehicle identification number (ISO 3779): 17 characters without I, O or Q. North American
 * VINs (first character 1 to 5) must also carry a valid check digit in position 9; elsewhere the
 * check digit is optional, so it is not enforced.
 */
public final class Vin {

    private static final Pattern FORMAT = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String TRANSLITERATION = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";

    private Vin() {
    }

    /** Why the text is not a valid VIN, or empty if it is one. */
    public static Optional<String> problemWith(String text) {
        if (text == null) {
            return Optional.of("is required");
        }
        String vin = text.toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(vin).matches()) {
            return Optional.of("must be 17 letters and digits, without I, O or Q");
        }
        if (isNorthAmerican(vin) && checkDigit(vin) != vin.charAt(8)) {
            return Optional.of("has a wrong check digit (position 9)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return problemWith(text).isEmpty();
    }

    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < vin.length(); i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static int value(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        return TRANSLITERATION.indexOf(c) % 10;
    }

    private static boolean isNorthAmerican(String vin) {
        return vin.charAt(0) >= '1' && vin.charAt(0) <= '5';
    }
}
