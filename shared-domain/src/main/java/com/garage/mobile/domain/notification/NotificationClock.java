package com.garage.mobile.domain.notification;

import com.garage.mobile.domain.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time the notification pipeline works by: when a message is due, whether quiet hours hold
 * it, how many a person got lately. One bean, so that the whole pipeline agrees on "now".
 */
@ApplicationScoped
public class NotificationClock {

    public Instant now() {
        return Timestamps.now();
    }
}
