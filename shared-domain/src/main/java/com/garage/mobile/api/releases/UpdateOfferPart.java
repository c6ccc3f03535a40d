package com.garage.mobile.api.releases;

import com.garage.mobile.api.appconfig.AppConfigContribution;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.releases.UpdateOffers;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code update}: whether a newer version is offered to this person now (staged by ring and bucket). */
@ApplicationScoped
public class UpdateOfferPart implements AppConfigContribution {

    private final UpdateOffers offers;

    public UpdateOfferPart(UpdateOffers offers) {
        this.offers = offers;
    }

    @Override
    public String key() {
        return "update";
    }

    @Override
    public Uni<?> part(Actor actor, AppBuild build) {
        return build.known() ? offers.offerFor(actor, build) : Uni.createFrom().nullItem();
    }
}
