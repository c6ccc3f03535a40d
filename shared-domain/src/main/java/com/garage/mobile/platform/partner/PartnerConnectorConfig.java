package com.garage.mobile.platform.partner;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partner settings. Each partner connector's endpoint and credentials ({@code garage.partners.connector."<partner>".*});
 * which garage offers which partner, with its terms, is data ({@code garage_partner}). Credentials
 * come from Secrets in production (e.g. {@code GARAGE_PARTNERS_CONNECTOR_ROADSIDE_DEMO_API_KEY}).
 * The fault-tolerance guard of a partner is {@code garage.outbound.guard."partner-<partner>".*}.
 */
@ConfigMapping(prefix = "garage.partners")
public interface PartnerConnectorConfig {

    @WithDefaults
    Map<String, Connector> connector();

    Roadside roadside();

    Recalls recalls();

    /** Roadside assistance. */
    interface Roadside {
        /** How often each pod looks for open requests that heard nothing from their partner. */
        @WithDefault("60s")
        Duration pollEvery();

        /** How long an open request may hear nothing before its partner is asked. */
        @WithDefault("2m")
        Duration pollAfter();

        /** How long an ended tow stays on the advisors' list of inbound tows. */
        @WithDefault("12h")
        Duration inboundTowsKeep();
    }

    /** NHTSA's vPIC (VIN decoding) and recalls APIs, which need no key. */
    interface Recalls {
        /** vPIC, e.g. {@code /api/vehicles/DecodeVinValues/{vin}?format=json}. */
        @WithDefault("https://vpic.nhtsa.dot.gov")
        String vpicUrl();

        /** The recalls API, e.g. {@code /recalls/recallsByVehicle?make=…&model=…&modelYear=…}. */
        @WithDefault("https://api.nhtsa.gov")
        String recallsUrl();

        /** How long an answer for a make, model and year is kept; failures are never kept. */
        @WithDefault("24h")
        Duration cacheFor();
    }

    /** One partner's API and webhooks. */
    interface Connector {
        /** The partner's API (a WireMock stub in tests and on the local stack); without it the partner is off. */
        Optional<String> baseUrl();

        /** Sent as {@code Authorization: Bearer …}; never logged, never in the outbox. */
        Optional<String> apiKey();

        /** The partner's webhook signing secrets: the new and the old one during a rotation. */
        Optional<List<String>> webhookSecrets();

        /** How far a webhook's signed timestamp may be from our clock. */
        @WithDefault("300s")
        Duration webhookTolerance();

        @WithDefault("3s")
        Duration connectTimeout();

        /** The application id a partner issued to us, for partners that ask for one in each session (Arity). */
        Optional<String> appId();

        /** Which adapter speaks to it: {@code generic-rest} or {@code arity-roadside} (docs/partners.md). */
        @WithDefault("generic-rest")
        String adapter();
    }
}
