package com.garage.mobile.domain.customer;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Told, once a profile change has committed, so that copies of the profile can be dropped. */
public interface ProfileChangeListener {

    Uni<Void> profileChanged(UUID garageId, UUID customerId);
}
