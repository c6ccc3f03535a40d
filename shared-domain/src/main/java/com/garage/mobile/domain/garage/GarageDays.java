package com.garage.mobile.domain.garage;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The garage's date of an instant, for cache keys of payloads that depend on the day. Time zones
 * are remembered in the pod for a few minutes, so a cached read needs no query to find its day.
 */
@ApplicationScoped
public class GarageDays {

    private static final Duration REMEMBER = Duration.ofMinutes(5);

    private final GarageRepository garages;
    private final Map<UUID, KnownZone> zones = new ConcurrentHashMap<>();

    public GarageDays(GarageRepository garages) {
        this.garages = garages;
    }

    public Uni<LocalDate> dateAt(UUID garageId, Instant now) {
        KnownZone known = zones.get(garageId);
        if (known != null && known.until().isAfter(now)) {
            return Uni.createFrom().item(LocalDate.ofInstant(now, known.zone()));
        }
        return zoneOf(garageId).map(zone -> {
            zones.put(garageId, new KnownZone(zone, now.plus(REMEMBER)));
            return LocalDate.ofInstant(now, zone);
        });
    }

    @WithSession
    Uni<ZoneId> zoneOf(UUID garageId) {
        return garages.require(garageId).map(Garage::zone);
    }

    private record KnownZone(ZoneId zone, Instant until) {
    }
}
