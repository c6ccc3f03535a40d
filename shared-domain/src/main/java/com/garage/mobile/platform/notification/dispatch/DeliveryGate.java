package com.garage.mobile.platform.notification.dispatch;

import com.garage.mobile.domain.notification.NotificationCategory;
import com.garage.mobile.domain.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, at send time, whether a notification may go now: its device still active, its
 * category still consented to, not in the person's quiet hours (unless critical),
 * within the person's rate limit. Consent is read when the row is claimed, so a withdrawal stops
 * every message not yet sent.
 */
@ApplicationScoped
class DeliveryGate {

    private final Set<NotificationCategory> criticalCategories;
    private final int maxPerWindow;
    private final Duration window;

    @Inject
    DeliveryGate(NotificationConfig config) {
        this(config.criticalCategories(), config.rateLimit().maxPerWindow(), config.rateLimit().window());
    }

    DeliveryGate(Set<NotificationCategory> criticalCategories, int maxPerWindow, Duration window) {
        this.criticalCategories = criticalCategories;
        this.maxPerWindow = maxPerWindow;
        this.window = window;
    }

    /** Judges one claimed batch; {@code recent} is each person's notifications within the rate window. */
    Map<Delivery, Verdict> judge(Iterable<Delivery> batch, Map<UUID, RecentNotifications> recent, Instant now) {
        Map<Delivery, Verdict> verdicts = new LinkedHashMap<>();
        Map<UUID, Set<String>> allowed = new HashMap<>();
        for (Delivery delivery : batch) {
            verdicts.put(delivery, judge(delivery, recent.get(delivery.personId()),
                    allowed.computeIfAbsent(delivery.personId(), person -> new HashSet<>()), now));
        }
        return verdicts;
    }

    private Verdict judge(Delivery delivery, RecentNotifications recent, Set<String> allowedNow, Instant now) {
        if (!delivery.deviceActive()) {
            return new Verdict.Drop("DEVICE_GONE", "the device was deactivated before sending");
        }
        if (!delivery.consented()) {
            return new Verdict.Drop("WITHDRAWN", "no current consent for " + delivery.category());
        }
        Optional<Instant> quietUntil = criticalCategories.contains(delivery.category()) || delivery.quietHours() == null
                ? Optional.empty()
                : delivery.quietHours().holdUntil(now);
        if (quietUntil.isPresent()) {
            return new Verdict.Hold(quietUntil.get());
        }
        return withinRate(delivery, recent, allowedNow, now);
    }

    /** Counts notifications, not devices: one notification to three phones is one. */
    private Verdict withinRate(Delivery delivery, RecentNotifications recent, Set<String> allowedNow, Instant now) {
        RecentNotifications sent = recent != null ? recent : RecentNotifications.NONE;
        if (sent.keys().contains(delivery.notificationKey()) || allowedNow.contains(delivery.notificationKey())) {
            return new Verdict.Send();
        }
        if (sent.keys().size() + allowedNow.size() >= maxPerWindow) {
            Instant oldest = sent.oldest() != null ? sent.oldest() : now;
            return new Verdict.Defer(oldest.plus(window));
        }
        allowedNow.add(delivery.notificationKey());
        return new Verdict.Send();
    }
}
