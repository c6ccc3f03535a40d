package com.garage.mobile.domain.payment;

/** The provider refused a call for good (bad request, key or state); trying the same call again would not help. */
public class ProviderRefusedException extends RuntimeException {

    public ProviderRefusedException(String provider, int status, String type, String code) {
        super(provider + " refused the call: " + status + " " + type + " " + code, null, false, false);
    }
}
