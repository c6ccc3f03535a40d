package com.garage.mobile.api.navigation;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.access.Navigation;
import com.garage.mobile.domain.access.NavigationSection;
import com.garage.mobile.platform.identity.CurrentActor;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The app's shell, for both apps: the sections its features contribute that the caller may use. */
@Path("/api/v1/navigation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the signed-in person is and what the app's shell shows them")
public class NavigationResource {

    private final CurrentActor actor;
    private final List<NavigationSection> menu;

    public NavigationResource(CurrentActor actor, AccessConfig access, Instance<NavigationContribution> features) {
        this.actor = actor;
        this.menu = features.stream().flatMap(feature -> feature.entries().stream())
                .filter(entry -> entry.apps().contains(access.audience()))
                .sorted(Comparator.comparingInt(NavigationEntry::position))
                .map(NavigationEntry::section).toList();
    }

    @GET
    @NonBlocking
    @PermissionsAllowed(Capability.APP_USE)
    @Operation(operationId = "getNavigation", summary = "The sections and actions of my app's shell",
            description = "The app's sections in menu order, only those whose capability the caller holds, each with"
                    + " the actions (capabilities) the caller may use there, so the app never shows a screen the API"
                    + " would refuse.")
    public Navigation navigation() {
        return Navigation.of(actor.get(), menu);
    }
}
