package com.garage.mobile.platform.push;

/**
 * A provider could not take a push now (down, overloaded, throttling us): the push is tried
 * again later, never dropped.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String provider, String reason) {
        super(provider + ": " + reason, null, false, false);
    }
}
