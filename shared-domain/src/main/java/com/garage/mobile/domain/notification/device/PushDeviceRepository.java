package com.garage.mobile.domain.notification.device;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PushDeviceRepository implements PanacheRepositoryBase<PushDevice, UUID> {

    private static final String MINE = "garageId = ?1 and owner.personId = ?2 and active";
    private static final String NEWEST_FIRST = " order by createdAt desc, id desc";

    /** The caller's own device, active or not; anyone else's is not found. */
    public Uni<PushDevice> requireOwn(Actor actor, UUID id) {
        return find("garageId = ?1 and owner.personId = ?2 and id = ?3", actor.garageId(), actor.personId(), id)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Device"));
    }

    /** The active device holding a token, whoever's it is. */
    public Uni<PushDevice> findActiveByToken(DevicePlatform platform, String token) {
        return find("platform = ?1 and token = ?2 and active", platform, token).firstResult();
    }

    /** A page of the caller's active devices, newest first; fetches one extra row. */
    public Uni<List<PushDevice>> pageOfOwner(Actor actor, PageCursor after, int limit) {
        var query = after == null
                ? find(MINE + NEWEST_FIRST, actor.garageId(), actor.personId())
                : find(MINE + " and (createdAt < ?3 or (createdAt = ?3 and id < ?4))" + NEWEST_FIRST,
                        actor.garageId(), actor.personId(), after.sortKey(), after.id());
        return query.page(0, limit + 1).list();
    }
}
