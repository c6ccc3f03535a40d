package com.garage.mobile.platform.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The push providers' endpoints and credentials. A provider whose credentials are not set is
 * disabled: its notifications wait in the outbox, and the pod says so when it starts.
 */
@ConfigMapping(prefix = "garage.push")
public interface PushConfig {

    Fcm fcm();

    Apns apns();

    Web web();

    /** Firebase Cloud Messaging (HTTP v1 API) for Android, with a service account. */
    interface Fcm {
        Optional<String> projectId();

        /** The service account's {@code client_email}. */
        Optional<String> clientEmail();

        /** The service account's {@code private_key}: PKCS#8 PEM (escaped {@code \n} are accepted). */
        Optional<String> privateKey();

        /** The service account's {@code private_key_id}, sent as the assertion's {@code kid}. */
        Optional<String> privateKeyId();

        @WithDefault("https://oauth2.googleapis.com/token")
        URI tokenUri();

        @WithDefault("https://fcm.googleapis.com")
        URI baseUrl();

        default boolean enabled() {
            return projectId().isPresent() && clientEmail().isPresent() && privateKey().isPresent();
        }
    }

    /** Apple Push Notification service over HTTP/2, with token (ES256) authentication. */
    interface Apns {
        /** The developer team id: the provider token's issuer. */
        Optional<String> teamId();

        /** The id of the APNs signing key. */
        Optional<String> keyId();

        /** The APNs signing key (.p8, PKCS#8 PEM). */
        Optional<String> privateKey();

        /** Bundle id of the customer app: the {@code apns-topic} of its notifications. */
        @WithDefault("com.garage.customer")
        String customerTopic();

        /** Bundle id of the technician app. */
        @WithDefault("com.garage.technician")
        String technicianTopic();

        @WithDefault("https://api.push.apple.com")
        URI baseUrl();

        /** A certificate (PEM) to trust instead of the JVM trust store, for a private or test endpoint. */
        Optional<Path> trustCertificate();

        /** How long one provider token is used; Apple wants 20 to 60 minutes. */
        @WithDefault("40m")
        Duration tokenLifetime();

        default boolean enabled() {
            return teamId().isPresent() && keyId().isPresent() && privateKey().isPresent();
        }
    }

    /** Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payloads (RFC 8291). */
    interface Web {
        /** The VAPID public key: an uncompressed P-256 point, base64url. */
        Optional<String> vapidPublicKey();

        /** The VAPID private key: the P-256 scalar, base64url. */
        Optional<String> vapidPrivateKey();

        /** Contact for the push services: a {@code mailto:} or {@code https:} URI. */
        @WithDefault("mailto:push@garage.example")
        String subject();

        /**
         * Hosts a subscription's endpoint may point at ({@code *.} allows subdomains). We POST to
         * whatever endpoint a browser gives, so only real push services are accepted.
         */
        @WithDefault("fcm.googleapis.com,updates.push.services.mozilla.com,*.notify.windows.com,web.push.apple.com")
        List<String> allowedHosts();

        /** A certificate (PEM) to trust instead of the JVM trust store, for a private or test endpoint. */
        Optional<Path> trustCertificate();

        default boolean enabled() {
            return vapidPublicKey().isPresent() && vapidPrivateKey().isPresent();
        }
    }
}
