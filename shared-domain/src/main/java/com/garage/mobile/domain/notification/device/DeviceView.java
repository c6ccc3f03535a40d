package com.garage.mobile.domain.notification.device;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered device as its owner sees it. The token is not echoed whole; its ending tells the
 * app which token the server holds.
 */
@RegisterForReflection
public record DeviceView(UUID id, DevicePlatform platform, String tokenEnding, String appVersion, String osVersion,
        String locale, String timeZone, boolean active, Instant registeredAt, Instant updatedAt, long version) {

    public static DeviceView of(PushDevice device) {
        String token = device.token;
        return new DeviceView(device.id, device.platform, token.substring(Math.max(0, token.length() - 8)),
                device.appVersion, device.osVersion, device.locale, device.timeZone, device.active,
                device.createdAt, device.updatedAt, device.version);
    }
}
