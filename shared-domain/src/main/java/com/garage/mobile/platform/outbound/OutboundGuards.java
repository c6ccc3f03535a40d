package com.garage.mobile.platform.outbound;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one place where outbound clients get their fault tolerance: each client asks for the guard
 * of its name once and sends every call through it. Settings come from {@link OutboundGuardConfig};
 * the circuit breaker carries the client's name, so {@code CircuitBreakerMaintenance} sees it.
 */
@ApplicationScoped
public class OutboundGuards {

    private final OutboundGuardConfig config;

    public OutboundGuards(OutboundGuardConfig config) {
        this.config = config;
    }

    public OutboundGuard guard(String name) {
        OutboundGuardConfig.Guard settings = config.guard().get(name);
        Guard guard = Guard.create()
                .withDescription("outbound client " + name)
                .withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
                // Retried at once only when the call certainly did not get through; a timeout is left
                // to the outbox's later redelivery, since the remote may have acted on it.
                .withRetry().maxRetries(settings.maxRetries())
                        .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                        .jitter(settings.retryJitter().toMillis(), ChronoUnit.MILLIS)
                        .retryOn(List.of(RemoteUnavailableException.class, ConnectException.class))
                        .abortOn(CircuitBreakerOpenException.class).done()
                .withCircuitBreaker().name(name)
                        .requestVolumeThreshold(settings.requestVolumeThreshold())
                        .failureRatio(settings.failureRatio())
                        .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                        .successThreshold(settings.successThreshold()).done()
                .withBulkhead().limit(settings.bulkheadLimit()).queueSize(settings.bulkheadQueue()).done()
                .withThreadOffload(false)
                .build();
        return new OutboundGuard(guard);
    }
}
