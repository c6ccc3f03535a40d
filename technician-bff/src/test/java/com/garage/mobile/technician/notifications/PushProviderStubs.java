package com.garage.mobile.technician.notifications;

import com.garage.mobile.platform.push.apns.ApnsClient;
import com.garage.mobile.platform.push.fcm.FcmClient;
import com.garage.mobile.platform.push.webpush.WebPushClient;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts stand-ins for FCM (and Google's token endpoint), APNs and a Web Push service, and aims
 * the push adapters at them with credentials generated for this run. The pipeline runs at test
 * pace: short intervals, short retries, three attempts, breakers that reopen after a second.
 */
public class PushProviderStubs implements QuarkusTestResourceLifecycleManager {

    private PushStubs stubs;

    @Override
    public Map<String, String> start() {
        stubs = PushStubs.start();
        Map<String, String> config = new HashMap<>(stubs.providerConfig());
        config.put("garage.notifications.decision.interval", "1s");
        config.put("garage.outbox.interval", "1s");
        config.put("garage.outbox.first-retry", "1s");
        config.put("garage.outbox.max-retry", "2s");
        config.put("garage.outbox.max-attempts", "3");
        config.put("garage.notifications.reminders.enabled", "false");
        for (String provider : new String[] {FcmClient.BREAKER, ApnsClient.BREAKER, WebPushClient.BREAKER}) {
            String guard = "garage.outbound.guard." + provider + ".";
            config.put(guard + "timeout", "5s");
            config.put(guard + "retry-delay", "20ms");
            config.put(guard + "retry-jitter", "10ms");
            config.put(guard + "breaker-delay", "1s");
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(stubs, new TestInjector.AnnotatedAndMatchesType(InjectPushStubs.class, PushStubs.class));
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.stop();
        }
    }
}
