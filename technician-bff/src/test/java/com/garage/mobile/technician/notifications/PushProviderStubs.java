package com.garage.mobile.technician.notifications;

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
        config.put("garage.notifications.dispatch.interval", "1s");
        config.put("garage.notifications.dispatch.first-retry", "1s");
        config.put("garage.notifications.dispatch.max-retry", "2s");
        config.put("garage.notifications.dispatch.max-attempts", "3");
        config.put("garage.notifications.reminders.enabled", "false");
        for (String provider : new String[] {"fcm.FcmClient", "apns.ApnsClient", "webpush.WebPushClient"}) {
            String method = "com.garage.mobile.platform.push." + provider + "/send/";
            config.put(method + "Timeout/value", "5000");
            config.put(method + "Retry/delay", "20");
            config.put(method + "Retry/jitter", "10");
            config.put(method + "CircuitBreaker/delay", "1000");
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
