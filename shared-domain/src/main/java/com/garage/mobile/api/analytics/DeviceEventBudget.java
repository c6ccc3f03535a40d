package com.garage.mobile.api.analytics;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.analytics.AnalyticsConfig;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.platform.security.ratelimit.SlidingWindow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Each device's budget of event batches ({@code garage.analytics.batches-per-device} per
 * {@code device-window}), apart from the API's own rate classes: an app that flushes its queue in a
 * loop is slowed down without using up the calls its screens need. A call without a device id
 * counts against the person.
 */
@ApplicationScoped
public class DeviceEventBudget {

    private static final String KEY = "garage:rate:analytics:";

    private final SlidingWindow windows;
    private final AnalyticsConfig config;

    public DeviceEventBudget(SlidingWindow windows, AnalyticsConfig config) {
        this.windows = windows;
        this.config = config;
    }

    public Uni<Void> spend(Actor actor) {
        String device = actor.origin().deviceId();
        String key = KEY + actor.garageId() + ":" + (device != null ? "device:" + device : "user:" + actor.subject());
        return windows.admit(List.of(new SlidingWindow.Counter(key, config.batchesPerDevice())), config.deviceWindow())
                .invoke(wait -> {
                    if (!wait.isZero()) {
                        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                        throw new ProblemException(Problem.of(ProblemType.RATE_LIMITED,
                                "This device sent too many event batches. Try again in %d second(s).".formatted(seconds)),
                                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
                    }
                })
                .replaceWithVoid();
    }
}
