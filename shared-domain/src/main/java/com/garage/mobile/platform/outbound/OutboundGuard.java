package com.garage.mobile.platform.outbound;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.util.function.Supplier;

/** The timeout, retry, circuit breaker and bulkhead one outbound client's calls go through. */
public final class OutboundGuard {

    private final Guard guard;

    OutboundGuard(Guard guard) {
        this.guard = guard;
    }

    /** Makes the call through the guard; the call is subscribed again for each retry. */
    public <T> Uni<T> call(Supplier<Uni<T>> call) {
        return guard.get(call, new TypeLiteral<Uni<T>>() {
        });
    }
}
