package com.garage.mobile.domain.parts;

/** EAN-13 and EAN-8 barcodes: digits only, the last a check digit over the others (GS1 mod 10). */
public final class Ean {

    private Ean() {
    }

    public static boolean isValid(String code) {
        if (code == null || (code.length() != 13 && code.length() != 8) || !code.chars().allMatch(Ean::isDigit)) {
            return false;
        }
        return checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /** The check digit of the digits before it: weights 3 and 1 alternate from the rightmost digit. */
    static int checkDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a scanned code looks like a barcode (digits of an EAN's length) rather than a part number. */
    public static boolean looksLikeBarcode(String code) {
        return (code.length() == 13 || code.length() == 8) && code.chars().allMatch(Ean::isDigit);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
