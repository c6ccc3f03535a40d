package com.garage.mobile.technician.notifications;

import com.garage.mobile.domain.notification.PushPriority;
import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.push.PushMessage;
import com.garage.mobile.platform.push.PushTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The message and targets the adapter tests send. */
final class PushMessages {

    static final Instant EXPIRES_AT = Instant.parse("2031-05-04T10:15:30Z");

    private PushMessages() {
    }

    static PushMessage readyForPickup() {
        return new PushMessage("Ready for pickup", "Your Volkswagen Golf (AB19 CDE) is ready for pickup.",
                Map.of("jobId", "4b3c", "status", "READY_FOR_PICKUP"), "job-4b3c-status", PushPriority.HIGH,
                Duration.ofHours(1), EXPIRES_AT);
    }

    static PushTarget android(String token) {
        return new PushTarget(DevicePlatform.ANDROID, token, null, null, false);
    }

    static PushTarget iphone(String token, boolean staffApp) {
        return new PushTarget(DevicePlatform.IOS, token, null, null, staffApp);
    }

    static PushTarget browser(String endpoint, PushSubscriber subscriber) {
        return new PushTarget(DevicePlatform.WEB, endpoint, subscriber.p256dh(), subscriber.auth(), false);
    }
}
