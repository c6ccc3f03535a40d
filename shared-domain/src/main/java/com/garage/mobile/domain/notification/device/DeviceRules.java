package com.garage.mobile.domain.notification.device;

import com.garage.mobile.domain.notification.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a device address must look like on each platform. Everything wrong is reported at once,
 * one entry per field, so the app can fix a registration in one go.
 */
@ApplicationScoped
public class DeviceRules {

    public static final String VERSION = "[0-9A-Za-z][0-9A-Za-z.+_ ()-]{0,39}";
    public static final String VERSION_MESSAGE = "must be 1 to 40 letters, digits, dots or dashes";
    public static final String LOCALE = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}";
    public static final String LOCALE_MESSAGE = "must be a language tag such as en-GB";
    /** The characters any platform's device token may hold; each platform's exact shape is checked below. */
    public static final String TOKEN = "[0-9A-Za-z_:-]{1,2048}";
    public static final String TOKEN_MESSAGE = "must be the token the push provider gave the app";
    /** The shape of an IANA time zone id; whether the zone exists is checked below. */
    public static final String TIME_ZONE = "[A-Za-z][A-Za-z0-9_+/-]{0,63}";
    public static final String TIME_ZONE_MESSAGE = "must be an IANA time zone such as Europe/London";

    /** FCM registration tokens: URL-safe characters, about 160 of them today. */
    private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9_:-]{32,1024}");
    /** APNs device tokens: hex, 32 bytes today, allowed to grow up to 100 bytes. */
    private static final Pattern APNS_TOKEN = Pattern.compile("([0-9A-Fa-f]{2}){32,100}");
    private static final int AUTH_SECRET_BYTES = 16;

    private final PushEndpointPolicy endpoints;

    public DeviceRules(PushEndpointPolicy endpoints) {
        this.endpoints = endpoints;
    }

    /** The checked address of a device on its platform, or a 400 naming every bad field. */
    public DeviceAddress address(DevicePlatform platform, String token, WebPushSubscription subscription,
            String timeZone) {
        FieldErrors errors = new FieldErrors();
        DeviceAddress address = switch (platform) {
            case ANDROID -> token(token, subscription, FCM_TOKEN, "an FCM registration token", errors);
            case IOS -> token(token, subscription, APNS_TOKEN, "an APNs device token in hex", errors);
            case WEB -> subscription(token, subscription, errors);
        };
        if (timeZone != null) {
            errors.timeZone("timeZone", timeZone);
        }
        errors.throwIfAny();
        return address;
    }

    private static DeviceAddress token(String token, WebPushSubscription subscription, Pattern format,
            String what, FieldErrors errors) {
        if (subscription != null) {
            errors.add("subscription", "is only for the WEB platform");
        }
        if (token == null) {
            errors.add("token", "is required on this platform");
            return null;
        }
        if (!format.matcher(token).matches()) {
            errors.add("token", "must be " + what);
            return null;
        }
        // APNs tokens are hex; one spelling keeps one phone from holding two device rows.
        return new DeviceAddress(format == APNS_TOKEN ? token.toLowerCase(Locale.ROOT) : token, null, null);
    }

    private DeviceAddress subscription(String token, WebPushSubscription subscription,
            FieldErrors errors) {
        if (token != null) {
            errors.add("token", "is not used on the WEB platform; send subscription");
        }
        if (subscription == null) {
            errors.add("subscription", "is required on the WEB platform");
            return null;
        }
        int before = errors.count();
        checkEndpoint(subscription.endpoint(), errors);
        checkPublicKey(subscription.keys().p256dh(), errors);
        checkAuthSecret(subscription.keys().auth(), errors);
        return errors.count() > before ? null
                : new DeviceAddress(subscription.endpoint(), subscription.keys().p256dh(), subscription.keys().auth());
    }

    private void checkEndpoint(String endpoint, FieldErrors errors) {
        String field = "subscription.endpoint";
        try {
            URI uri = new URI(endpoint);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                errors.add(field, "must be an https URL of a push service");
            } else if (!endpoints.allowsHost(uri.getHost().toLowerCase(Locale.ROOT))) {
                errors.add(field, "is not the URL of a push service we deliver to");
            }
        } catch (URISyntaxException e) {
            errors.add(field, "must be an https URL of a push service");
        }
    }


    private static void checkPublicKey(String p256dh, FieldErrors errors) {
        try {
            KeyMaterial.p256Point(KeyMaterial.base64Url(p256dh));
        } catch (IllegalArgumentException e) {
            errors.add("subscription.keys.p256dh",
                    "must be the subscription's P-256 public key, base64url");
        }
    }

    private static void checkAuthSecret(String auth, FieldErrors errors) {
        if (!isAuthSecret(auth)) {
            errors.add("subscription.keys.auth",
                    "must be the subscription's 16-byte authentication secret, base64url");
        }
    }

    private static boolean isAuthSecret(String auth) {
        try {
            return KeyMaterial.base64Url(auth).length == AUTH_SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
