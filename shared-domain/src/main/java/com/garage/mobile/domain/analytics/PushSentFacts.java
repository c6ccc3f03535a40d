package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A push the provider accepted, as the first step of the push journey ({@link Funnel#PUSH}: the app
 * reports {@code push.opened} with the same {@code pushId}, which travels in the push's data). Stored
 * once per push however often its delivery is tried; failing to store it is logged and never holds
 * the push up or sends it again.
 */
@ApplicationScoped
public class PushSentFacts {

    private static final Logger LOG = Logger.getLogger(PushSentFacts.class);

    private final AnalyticsSink sink;
    private final UserKeys userKeys;
    private final GarageClock clock;

    public PushSentFacts(AnalyticsSink sink, AnalyticsConfig config, GarageClock clock) {
        this.sink = sink;
        this.userKeys = new UserKeys(config.userKeySecret());
        this.clock = clock;
    }

    public Uni<Void> record(UUID garageId, UUID personId, UUID pushId, String category) {
        Instant now = clock.now();
        AnalyticsEvent sent = new AnalyticsEvent(
                UUID.nameUUIDFromBytes(("push.sent:" + pushId).getBytes(StandardCharsets.UTF_8)), now, now,
                "push.sent", "server", garageId, userKeys.of(garageId, personId), null, null, null, null, false,
                pushId, Map.of("pushId", pushId.toString(), "category", category));
        return sink.store(List.of(sent)).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("push.sent of %s not recorded: %s", pushId, e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
