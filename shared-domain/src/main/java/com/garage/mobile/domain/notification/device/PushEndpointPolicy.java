package com.garage.mobile.domain.notification.device;

/** Which push services a browser's Web Push subscription may point at. */
public interface PushEndpointPolicy {

    boolean allowsHost(String host);
}
