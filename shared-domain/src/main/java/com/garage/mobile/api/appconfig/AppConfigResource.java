package com.garage.mobile.api.appconfig;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.identity.CurrentAppBuild;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The apps' remote configuration in one call: every feature's part for the caller and their build. */
@Path("/api/v1/app-config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the signed-in person is and what the app's shell shows them")
public class AppConfigResource {

    private final CurrentActor actor;
    private final CurrentAppBuild build;
    private final String app;
    private final List<AppConfigContribution> features;

    public AppConfigResource(CurrentActor actor, CurrentAppBuild build, AccessConfig access,
            Instance<AppConfigContribution> features) {
        this.actor = actor;
        this.build = build;
        this.app = access.audience().name().toLowerCase(Locale.ROOT);
        this.features = features.stream().sorted(Comparator.comparing(AppConfigContribution::key)).toList();
        requireUniqueKeys(this.features);
    }

    @GET
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "getAppConfig", summary = "My app's remote configuration",
            description = "Every feature's part of the configuration for the caller on the build named in"
                    + " `X-App-Platform` (ios, android, web) and `X-App-Version`: flags, the update offer,"
                    + " experiment assignments where those exist. The ETag hashes the content; send it back in"
                    + " `If-None-Match` to get 304 while nothing changed.")
    public Uni<AppConfigView> config() {
        Actor person = actor.get();
        AppBuild current = build.get();
        if (features.isEmpty()) {
            return Uni.createFrom().item(view(current, Map.of()));
        }
        List<Uni<Map.Entry<String, Object>>> parts = features.stream()
                .map(feature -> feature.part(person, current)
                        .map(part -> part == null ? null : Map.entry(feature.key(), (Object) part)))
                .toList();
        return Uni.join().all(parts).andFailFast().map(entries -> view(current, entries.stream()
                .filter(entry -> entry != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
    }

    private AppConfigView view(AppBuild current, Map<String, Object> parts) {
        return new AppConfigView(app, current.platform() != null ? current.platform().value() : null,
                current.version() != null ? current.version().toString() : null, parts);
    }

    private static void requireUniqueKeys(List<AppConfigContribution> features) {
        List<String> keys = features.stream().map(AppConfigContribution::key).toList();
        if (keys.stream().distinct().count() != keys.size() || keys.stream().anyMatch(AppConfigView.OWN_KEYS::contains)) {
            throw new IllegalStateException("App-config parts need keys of their own: " + keys);
        }
    }
}
