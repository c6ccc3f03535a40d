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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits each signed-in person and each device to their budget of calls, and calls without a
 * signed-in person per client IP and per path where their class says so (pay by link). Runs first
 * after the capability check. When Redis cannot count, the call goes through (with a warning): the bay must
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
        RateLimitConfig.Budget budget = config.of(rateClass);
        String prefix = KEY + rateClass.name().toLowerCase(Locale.ROOT) + ":";
        return identities.getDeferredIdentity().chain(identity -> {
            Actor actor = identity.getAttribute(ActorAugmentor.ACTOR_ATTRIBUTE);
            return admit(actor != null ? signedIn(actor, budget, prefix) : anonymous(budget, prefix), budget);
        });
    }

    private List<SlidingWindow.Counter> signedIn(Actor actor, RateLimitConfig.Budget budget, String prefix) {
        List<SlidingWindow.Counter> counters = new ArrayList<>();
        counters.add(new SlidingWindow.Counter(prefix + "user:" + actor.garageId() + ":" + actor.subject(),
                budget.perUser()));
        if (request.deviceId() != null) {
            counters.add(new SlidingWindow.Counter(prefix + "device:" + actor.garageId() + ":" + request.deviceId(),
                    budget.perDevice()));
        }
        return counters;
    }

    /**
     * A call without a signed-in person, on the class's budgets per client IP and per path, where it
     * sets them. The path is kept as its hash: it may hold a credential (a payment link's token).
     */
    private List<SlidingWindow.Counter> anonymous(RateLimitConfig.Budget budget, String prefix) {
        List<SlidingWindow.Counter> counters = new ArrayList<>();
        if (budget.perClientIp().isPresent() && request.clientIp() != null) {
            counters.add(new SlidingWindow.Counter(prefix + "ip:" + request.clientIp(),
                    budget.perClientIp().getAsInt()));
        }
        if (budget.perPath().isPresent() && request.path() != null) {
            counters.add(new SlidingWindow.Counter(prefix + "path:" + sha256(request.path()),
                    budget.perPath().getAsInt()));
        }
        return counters;
    }

    private Uni<Void> admit(List<SlidingWindow.Counter> counters, RateLimitConfig.Budget budget) {
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(Problem.of(ProblemType.RATE_LIMITED,
                "Too many requests. Try again in %d second(s).".formatted(seconds)),
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
