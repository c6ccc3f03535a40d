package com.garage.mobile.api.profile;

import com.garage.mobile.api.jobs.JobScreens;
import com.garage.mobile.platform.cache.CacheInvalidation;
import com.garage.mobile.platform.cache.CacheOwner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The cached profile screen and what a profile change makes stale: the profile, and the garage
 * board that shows the customer's name (technicians' own boards pick a new name up within the TTL).
 */
@ApplicationScoped
public class ProfileScreens implements CacheInvalidation<ProfileChanged> {

    /** A customer's profile. */
    public static CacheOwner customerProfile(UUID garageId, UUID customerId) {
        return new CacheOwner("profile:" + garageId + ":customer:" + customerId);
    }

    @Override
    public Class<ProfileChanged> changeType() {
        return ProfileChanged.class;
    }

    @Override
    public Collection<CacheOwner> staleAfter(ProfileChanged change) {
        return List.of(customerProfile(change.garageId(), change.customerId()),
                JobScreens.garageBoard(change.garageId()));
    }
}
