package com.garage.mobile.platform.partner.roadside;

import com.garage.mobile.platform.partner.PartnerAnswerRefused;
import com.garage.mobile.platform.partner.PartnerConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/** Finds the adapter a partner is configured with ({@code garage.partners.connector."<partner>".adapter}). */
@ApplicationScoped
public class RoadsideAdapters {

    private final Instance<RoadsideAdapter> adapters;
    private final PartnerConnectorConfig config;

    public RoadsideAdapters(@Any Instance<RoadsideAdapter> adapters, PartnerConnectorConfig config) {
        this.adapters = adapters;
        this.config = config;
    }

    public RoadsideAdapter of(String partner) {
        String name = config.connector().get(partner).adapter();
        return adapters.stream().filter(adapter -> adapter.name().equals(name)).findFirst()
                .orElseThrow(() -> new PartnerAnswerRefused(partner, "no roadside adapter named " + name, false));
    }
}
