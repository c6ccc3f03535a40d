package com.garage.mobile.api.profile;

import com.garage.mobile.domain.customer.ProfileChangeListener;
import com.garage.mobile.platform.cache.CacheEvictions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Hears of committed profile changes (in the writing pod) and evicts what they made stale. */
@ApplicationScoped
public class ProfileChangeEvictions implements ProfileChangeListener {

    private final CacheEvictions evictions;

    public ProfileChangeEvictions(CacheEvictions evictions) {
        this.evictions = evictions;
    }

    @Override
    public Uni<Void> profileChanged(UUID garageId, UUID customerId) {
        return evictions.changed(List.of(new ProfileChanged(garageId, customerId)));
    }
}
