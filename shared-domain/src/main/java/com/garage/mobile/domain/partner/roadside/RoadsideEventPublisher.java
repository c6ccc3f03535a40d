package com.garage.mobile.domain.partner.roadside;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/** Port the platform fills: hands a request's committed roadside events to every pod after commit. */
public interface RoadsideEventPublisher {

    Uni<Void> publishPending(UUID requestId);
}
