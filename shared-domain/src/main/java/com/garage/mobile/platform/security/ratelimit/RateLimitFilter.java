package com.garage.mobile.platform.security.ratelimit;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import com.garage.mobile.platform.identity.ActorAugmentor;
import com.garage.mobile.platform.problem.LoggedFailure;
import com.garage.mobile.platform.web.Endpoint;
import com.garage.mobile.platform.web.Endpoints;
import com.garage.mobile.platform.web.RequestInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits each signed-in person and each device to their budget of calls. Runs first after the
 * capability check. When Redis cannot count, the call goes through (with a warning): the bay must
 * keep working when the cache fails, and identity, capabilities and ownership still guard it.
 */
public class RateLimitFilter {

    public static final int PRIORITY = Priorities.AUTHORIZATION + 10;
    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);
    private static final String KEY = "garage:rate:";

    private final CurrentIdentityAssociation identities;
    private final SlidingWindow windows;
    private final RateLimitConfig config;
    private final RequestInfo request;
    private final Endpoints endpoints;
    private final Counter uncounted;
    private final GarageClock clock;
    private final AccessConfig access;
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.EPOCH);

    public RateLimitFilter(CurrentIdentityAssociation identities, SlidingWindow windows, RateLimitConfig config,
            RequestInfo request, MeterRegistry metrics, Endpoints endpoints, GarageClock clock, AccessConfig access) {
        this.clock = clock;
        this.access = access;
        this.identities = identities;
        this.windows = windows;
        this.config = config;
        this.request = request;
        this.uncounted = metrics.counter("garage.rate_limit.uncounted");
        this.endpoints = endpoints;
    }

    @ServerRequestFilter(priority = PRIORITY)
    public Uni<Void> limit(ContainerRequestContext context, ResourceInfo resource) {
        Optional<Endpoint> endpoint = endpoints.of(context, resource.getResourceMethod());
        if (!config.enabled() || endpoint.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        RateClass rateClass = endpoint.get().annotation(RateLimited.class)
                .filter(limited -> access.servesAnyOf(limited.onlyFor()))
                .map(RateLimited::value).orElse(RateClass.STANDARD);
        return identities.getDeferredIdentity().chain(identity -> {
            Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
            return actor == null ? Uni.createFrom().voidItem() : admit(actor, rateClass);
        });
    }

    private Uni<Void> admit(Actor actor, RateClass rateClass) {
        RateLimitConfig.Budget budget = config.of(rateClass);
        String prefix = KEY + rateClass.name().toLowerCase() + ":";
        List<SlidingWindow.Counter> counters = new ArrayList<>();
        counters.add(new SlidingWindow.Counter(prefix + "user:" + actor.garageId() + ":" + actor.subject(),
                budget.perUser()));
        if (request.deviceId() != null) {
            counters.add(new SlidingWindow.Counter(prefix + "device:" + actor.garageId() + ":" + request.deviceId(),
                    budget.perDevice()));
        }
        return windows.admit(counters, budget.window())
                .ifNoItem().after(config.redisTimeout()).fail()
                .onFailure().recoverWithItem(this::uncounted)
                .invoke(wait -> {
                    if (!wait.isZero()) {
                        throw tooMany(wait);
                    }
                })
                .replaceWithVoid();
    }

    private Duration uncounted(Throwable failure) {
        uncounted.increment();
        Instant now = clock.now();
        Instant last = lastWarning.get();
        if (last.plus(WARN_EVERY).isBefore(now) && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Rate limits not counted: Redis failed (%s); letting requests through",
                    LoggedFailure.describe(failure));
        }
        return Duration.ZERO;
    }

    private static ProblemException tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(Problem.of(ProblemType.RATE_LIMITED,
                "Too many requests. Try again in %d second(s).".formatted(seconds)),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
