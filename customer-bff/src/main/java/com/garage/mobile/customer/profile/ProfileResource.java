package com.garage.mobile.customer.profile;

import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.CurrentActor;
import com.garage.mobile.domain.customer.CustomerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in customer's profile. */
@Path("/api/v1/profile")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final CurrentActor actor;
    private final CustomerRepository customers;

    public ProfileResource(CurrentActor actor, CustomerRepository customers) {
        this.actor = actor;
        this.customers = customers;
    }

    @GET
    @WithSession
    @PermissionsAllowed(Capability.PROFILE_READ)
    public Uni<ProfileView> profile() {
        var me = actor.get();
        return customers.require(me.garageId(), me.personId()).map(ProfileView::of);
    }
}
