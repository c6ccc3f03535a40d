package com.garage.mobile.platform.outbox;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The handlers of this pod, by kind: work of a kind without a handler here is left to other pods. */
@ApplicationScoped
public class OutboundHandlers {

    private final Map<String, OutboundHandler> byKind;

    public OutboundHandlers(@All List<OutboundHandler> handlers) {
        this.byKind = handlers.stream().collect(Collectors.toUnmodifiableMap(OutboundHandler::kind,
                Function.identity()));
    }

    public Optional<OutboundHandler> of(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    Collection<OutboundHandler> all() {
        return byKind.values();
    }

    String[] kinds() {
        return byKind.keySet().toArray(String[]::new);
    }

    /** Paused routes of every kind, as {@code kind/route}. */
    String[] pausedRoutes() {
        return byKind.values().stream()
                .flatMap(handler -> handler.pausedRoutes().stream().map(route -> handler.kind() + "/" + route))
                .toArray(String[]::new);
    }
}
