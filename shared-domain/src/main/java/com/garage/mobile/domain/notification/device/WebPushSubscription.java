package com.garage.mobile.domain.notification.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A browser's push subscription, as {@code PushSubscription.toJSON()} gives it.
 *
 * @param endpoint the push service URL the browser handed out
 */
public record WebPushSubscription(@NotNull @Size(max = 2048) String endpoint, @NotNull @Valid Keys keys) {

    /** The subscriber's P-256 public key and authentication secret, base64url. */
    public record Keys(@NotNull @Size(max = 100) String p256dh, @NotNull @Size(max = 32) String auth) {
    }
}
