package com.garage.mobile.platform.push;

import com.garage.mobile.platform.outbound.RemoteUnavailableException;

/**
 * A provider could not take a push now (down, overloaded, throttling us): the push is tried
 * again later, never dropped.
 */
public class ProviderUnavailableException extends RemoteUnavailableException {

    public ProviderUnavailableException(String provider, String reason) {
        super(provider, reason);
    }
}
