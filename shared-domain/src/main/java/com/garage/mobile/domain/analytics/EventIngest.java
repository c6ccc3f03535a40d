package com.garage.mobile.domain.analytics;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Takes an app's batch of events: checks each on its own ({@link EventChecks}), adds what the
 * server knows (time, build, garage, pseudonymous user key) and hands the good ones to the
 * {@link AnalyticsSink} in one write. A bad event is refused alone; the rest of its batch is kept.
 */
@ApplicationScoped
public class EventIngest {

    private final EventSchemas schemas;
    private final AnalyticsSink sink;
    private final GarageClock clock;
    private final AnalyticsConfig config;
    private final UserKeys userKeys;

    public EventIngest(EventSchemas schemas, AnalyticsSink sink, GarageClock clock, AnalyticsConfig config) {
        this.schemas = schemas;
        this.sink = sink;
        this.clock = clock;
        this.config = config;
        this.userKeys = new UserKeys(config.userKeySecret());
    }

    public Uni<IngestReport> ingest(Actor actor, AppBuild build, List<Map<String, Object>> batch) {
        Instant now = clock.now();
        return schemas.active().chain(registered -> {
            EventChecks checks = new EventChecks(registered, now, config.lateBound(), config.clockSkew());
            List<EventOutcome> outcomes = new ArrayList<>();
            List<SubmittedEvent> good = new ArrayList<>();
            Set<UUID> inBatch = new HashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                EventChecks.Checked checked = checks.check(i, batch.get(i));
                if (checked.refusal() != null) {
                    outcomes.add(checked.refusal());
                } else if (!inBatch.add(checked.event().id())) {
                    outcomes.add(outcome(checked.event(), EventOutcome.Status.DUPLICATE));
                } else {
                    good.add(checked.event());
                }
            }
            String userKey = userKeys.of(actor.garageId(), actor.personId());
            List<AnalyticsEvent> rows = good.stream().map(event -> stored(actor, userKey, build, event, now)).toList();
            return sink.store(rows).map(fresh -> {
                good.forEach(event -> outcomes.add(outcome(event, fresh.contains(event.id())
                        ? EventOutcome.Status.ACCEPTED : EventOutcome.Status.DUPLICATE)));
                outcomes.sort(Comparator.comparingInt(EventOutcome::index));
                return IngestReport.of(outcomes);
            });
        });
    }

    private static AnalyticsEvent stored(Actor actor, String userKey, AppBuild build, SubmittedEvent event, Instant now) {
        return new AnalyticsEvent(event.id(), now, event.clientTime(), event.name(), "app", actor.garageId(),
                userKey, build.app().name().toLowerCase(Locale.ROOT),
                build.platform() != null ? build.platform().value() : null,
                build.version() != null ? build.version().toString() : null, event.clientTime(), event.offline(),
                event.journeyId(), event.properties());
    }

    private static EventOutcome outcome(SubmittedEvent event, EventOutcome.Status status) {
        return new EventOutcome(event.index(), event.id().toString(), status, null, null);
    }
}
