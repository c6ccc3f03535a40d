package com.garage.mobile.platform.outbound;

/**
 * A remote service could not take a call now (down, overloaded, throttling us): the call certainly
 * did not get through, so the guard retries it and the outbox tries the work again later.
 */
public class RemoteUnavailableException extends RuntimeException {

    public RemoteUnavailableException(String remote, String reason) {
        super(remote + ": " + reason, null, false, false);
    }
}
