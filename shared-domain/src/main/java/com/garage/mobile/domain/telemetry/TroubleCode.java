package com.garage.mobile.domain.telemetry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OBD-II diagnostic trouble code in the SAE J2012 form: the system letter (P powertrain, C chassis,
 * B body, U network), a digit 0-3 (0 and 2 generic, 1 and 3 mostly manufacturer-specific) and three
 * hexadecimal characters, as in {@code P0301}.
 */
public record TroubleCode(String code) {

    private static final Pattern SAE = Pattern.compile("^[PCBU][0-3][0-9A-F]{3}$");

    public TroubleCode {
        if (!SAE.matcher(code).matches()) {
            throw new IllegalArgumentException("Not an SAE trouble code: " + code);
        }
    }

    /** The code a scan tool or a person sent, upper-cased and trimmed; empty when it is not in the SAE form. */
    public static Optional<TroubleCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        return SAE.matcher(normalized).matches() ? Optional.of(new TroubleCode(normalized)) : Optional.empty();
    }

    /** The system the code is about, in words a customer understands. */
    public String system() {
        return switch (code.charAt(0)) {
            case 'P' -> "engine and transmission";
            case 'C' -> "chassis";
            case 'B' -> "body";
            default -> "vehicle network";
        };
    }

    /** Generic codes mean the same on every make; the others only the manufacturer's documents explain. */
    public boolean generic() {
        char group = code.charAt(1);
        return group == '0' || group == '2';
    }

    @Override
    public String toString() {
        return code;
    }
}
