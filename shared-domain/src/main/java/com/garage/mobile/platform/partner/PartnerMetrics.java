package com.garage.mobile.platform.partner;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per partner: calls by outcome ({@code garage_partner_calls_total{partner, outcome}}), latency
 * ({@code garage_partner_latency_seconds}) and the breaker's state ({@code garage_partner_breaker_state}:
 * 0 closed, 1 half open, 2 open), on {@code /q/metrics}.
 */
@ApplicationScoped
public class PartnerMetrics {

    private final MeterRegistry registry;
    private final CircuitBreakerMaintenance breakers;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public PartnerMetrics(MeterRegistry registry, CircuitBreakerMaintenance breakers) {
        this.registry = registry;
        this.breakers = breakers;
    }

    /** Starts timing a call of the partner. */
    public Timer.Sample start(String partner) {
        if (gauged.add(partner)) {
            Gauge.builder("garage.partner.breaker.state", () -> breakerState(PartnerHttp.guardName(partner)))
                    .tag("partner", partner).register(registry);
        }
        return Timer.start(registry);
    }

    /** Records a call's end: {@code ok}, {@code refused} (4xx), {@code garbage}, {@code unavailable} (5xx, timeout, open breaker, full bulkhead). */
    public void end(String partner, Timer.Sample sample, String outcome) {
        sample.stop(registry.timer("garage.partner.latency", "partner", partner));
        registry.counter("garage.partner.calls", "partner", partner, "outcome", outcome).increment();
    }

    private double breakerState(String name) {
        try {
            CircuitBreakerState state = breakers.currentState(name);
            return switch (state) {
                case CLOSED -> 0;
                case HALF_OPEN -> 1;
                case OPEN -> 2;
            };
        } catch (IllegalArgumentException notYetCalled) {
            return 0;
        }
    }
}
