package com.garage.mobile.domain.staff;

import com.garage.mobile.domain.access.ActorRole;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, UUID> {

    /** The garage's active staff, of one role or all, by name. */
    public Uni<List<Staff>> active(UUID garageId, ActorRole role) {
        return role == null
                ? list("garageId = ?1 and active = true order by displayName, id", garageId)
                : list("garageId = ?1 and active = true and role = ?2 order by displayName, id", garageId, role);
    }
}
