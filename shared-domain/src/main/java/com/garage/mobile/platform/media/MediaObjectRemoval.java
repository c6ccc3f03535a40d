package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.platform.outbox.OutboundHandler;
import com.garage.mobile.platform.outbox.OutboundWork;
import com.garage.mobile.platform.outbox.Outcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/** Removes a deleted media's object and thumbnail from the store; retried by the outbox while the store fails. */
@ApplicationScoped
public class MediaObjectRemoval implements OutboundHandler {

    public static final String KIND = "media-object-removal";

    private final ObjectStore store;

    public MediaObjectRemoval(ObjectStore store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Uni<Outcome> handle(OutboundWork work) {
        return Uni.createFrom().<Outcome>item(() -> {
            work.payload().getJsonArray("keys").forEach(key -> store.delete((String) key));
            return new Outcome.Delivered("removed");
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
