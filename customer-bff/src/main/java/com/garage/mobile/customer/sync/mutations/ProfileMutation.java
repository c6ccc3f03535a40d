package com.garage.mobile.customer.sync.mutations;

import com.garage.mobile.customer.profile.ProfileView;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.customer.ProfileChange;
import com.garage.mobile.domain.customer.ProfileService;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code profile update}: the customer's own name, contact details and language. */
@ApplicationScoped
public class ProfileMutation implements MutationHandler<ProfilePayload> {

    private static final ProfileChange NOTHING = new ProfileChange(null, null, null, null, null);

    private final ProfileService profiles;

    public ProfileMutation(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public String entityName() {
        return "profile";
    }

    @Override
    public String operationName() {
        return "update";
    }

    @Override
    public String action() {
        return ProfileService.ACTION;
    }

    @Override
    public String resourceType() {
        return "customer";
    }

    @Override
    public Class<ProfilePayload> payloadType() {
        return ProfilePayload.class;
    }

    @Override
    public String stepUpAction(ProfilePayload payload) {
        return payload.change().changesContactDetails() ? "change your contact details" : null;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID customerId, Long baseVersion, ProfilePayload payload) {
        if (payload.change().equals(NOTHING)) {
            throw ProblemException.invalidField("payload", "must change at least one field");
        }
        return profiles.update(actor, customerId, payload.change(), baseVersion)
                .map(changed -> Applied.of(ProfileView.of(changed.row()), changed.row().version, changed));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID customerId) {
        return profiles.requireOwn(actor, customerId)
                .map(customer -> Applied.of(ProfileView.of(customer), customer.version));
    }
}
