package com.garage.mobile.customer.profile;

import com.garage.mobile.api.profile.ProfileScreens;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.customer.CustomerRepository;
import com.garage.mobile.platform.cache.HotPayload;
import com.garage.mobile.platform.cache.HotPayloadCache;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in customer's profile. */
@Path("/api/v1/profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profile", description = "The signed-in customer's contact details")
public class ProfileResource {

    static final HotPayload<ProfileView> PROFILE = HotPayload.of("profile", ProfileView.class);

    private final CurrentActor actor;
    private final CustomerRepository customers;
    private final HotPayloadCache cache;

    public ProfileResource(CurrentActor actor, CustomerRepository customers, HotPayloadCache cache) {
        this.actor = actor;
        this.customers = customers;
        this.cache = cache;
    }

    @GET
    @PermissionsAllowed(Capability.PROFILE_READ)
    @Operation(operationId = "getProfile", summary = "Get my profile",
            description = "The caller's contact details as the garage holds them.")
    public Uni<ProfileView> profile() {
        var me = actor.get();
        return cache.get(PROFILE, ProfileScreens.customerProfile(me.garageId(), me.personId()), "view",
                () -> Panache.withSession(() -> customers.require(me.garageId(), me.personId()).map(ProfileView::of)));
    }
}
