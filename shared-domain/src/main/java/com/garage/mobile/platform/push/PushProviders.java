package com.garage.mobile.platform.push;

import com.garage.mobile.domain.notification.device.DevicePlatform;
import com.garage.mobile.platform.push.apns.ApnsClient;
import com.garage.mobile.platform.push.fcm.FcmClient;
import com.garage.mobile.platform.push.webpush.WebPushClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** The provider of each platform, and which of them can send. */
@ApplicationScoped
public class PushProviders {

    private static final Logger LOG = Logger.getLogger(PushProviders.class);

    private final Map<DevicePlatform, PushProvider> byPlatform = new EnumMap<>(DevicePlatform.class);

    public PushProviders(FcmClient fcm, ApnsClient apns, WebPushClient webPush) {
        for (PushProvider provider : List.of(fcm, apns, webPush)) {
            byPlatform.put(provider.platform(), provider);
        }
    }

    public PushProvider of(DevicePlatform platform) {
        return byPlatform.get(platform);
    }

    /** The platforms whose notifications cannot be sent now (no credentials), as their names. */
    public Set<String> disabledPlatforms() {
        return byPlatform.values().stream().filter(provider -> !provider.enabled())
                .map(provider -> provider.platform().name()).collect(Collectors.toUnmodifiableSet());
    }

    void announce(@Observes StartupEvent startup) {
        byPlatform.values().forEach(provider -> {
            if (provider.enabled()) {
                LOG.infof("Push notifications to %s devices are sent through %s", provider.platform(),
                        provider.name());
            } else {
                LOG.warnf("Push notifications to %s devices are NOT sent: %s has no credentials configured"
                        + " (garage.push.*); they wait in the outbox until it has", provider.platform(),
                        provider.name());
            }
        });
    }
}
