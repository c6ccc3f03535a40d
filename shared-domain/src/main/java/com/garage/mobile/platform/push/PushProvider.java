package com.garage.mobile.platform.push;

import com.garage.mobile.domain.notification.device.DevicePlatform;
import io.smallrye.mutiny.Uni;

/** A push service that delivers to the devices of one platform. */
public interface PushProvider {

    DevicePlatform platform();

    /** The service's name, for logs. */
    String name();

    /** Whether its credentials are configured; a disabled provider's notifications wait. */
    boolean enabled();

    /**
     * Sends one push. Fails with {@link ProviderUnavailableException} (or a timeout or an open
     * circuit) when the provider could not take it now.
     */
    Uni<PushResult> send(PushTarget target, PushMessage message);
}
