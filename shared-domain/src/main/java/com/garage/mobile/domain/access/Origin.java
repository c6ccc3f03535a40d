package com.garage.mobile.domain.access;

/**
 * Where a change comes from: the channel, and for an app the device, address and request that
 * carried it. The platform fills it for HTTP calls; a scheduler or a webhook names itself.
 *
 * @param deviceId  the app's device id, or null where no device is involved
 * @param clientIp  the caller's address, or null where the change did not come over the network
 * @param requestId the request, the scheduled run or the webhook delivery that carried the change
 */
public record Origin(Channel channel, String deviceId, String clientIp, String requestId) {

    /** How a change reached the system; audit entries name it. */
    public enum Channel {
        /** One of the mobile apps, through its BFF. */
        APP,
        /** A provider's or partner's webhook delivery. */
        WEBHOOK,
        /** A scheduled job of our own. */
        SCHEDULER,
        /** An administrator's maintenance action outside the apps. */
        ADMIN;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Origin app(String deviceId, String clientIp, String requestId) {
        return new Origin(Channel.APP, deviceId, clientIp, requestId);
    }

    /** A run of a scheduled job, named by the job and the run. */
    public static Origin scheduler(String job, String run) {
        return new Origin(Channel.SCHEDULER, null, null, job + ":" + run);
    }

    /** A webhook delivery, named by its source and the delivery's own id. */
    public static Origin webhook(String source, String deliveryId) {
        return new Origin(Channel.WEBHOOK, null, null, source + ":" + deliveryId);
    }

    /** Nothing known yet: an actor before the platform has attached its request. */
    public static Origin unknown() {
        return new Origin(Channel.APP, null, null, null);
    }
}
