package com.garage.mobile.api.notifications;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.Capability;
import com.garage.mobile.domain.notification.consent.ConsentHistoryView;
import com.garage.mobile.domain.notification.consent.NotificationPreferences;
import com.garage.mobile.domain.notification.consent.PreferencesChange;
import com.garage.mobile.domain.notification.consent.PreferencesView;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.platform.identity.CurrentActor;
import com.garage.mobile.platform.web.BaseVersion;
import com.garage.mobile.platform.web.VersionedResponses;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the signed-in person wants to be notified of, and when not; and the record of every consent
 * they gave. The same in both apps: staff and customers each see only their own.
 */
@Path("/api/v1/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences", description = "Consent per notification category, quiet hours and the"
        + " history of every consent given")
public class NotificationPreferencesResource {

    private final CurrentActor actor;
    private final NotificationPreferences preferences;

    public NotificationPreferencesResource(CurrentActor actor, NotificationPreferences preferences) {
        this.actor = actor;
        this.preferences = preferences;
    }

    @GET
    @PermissionsAllowed(Capability.OWN_NOTIFICATION_PREFERENCES)
    @Operation(operationId = "getNotificationPreferences", summary = "Get my notification preferences",
            description = "The caller's consent per category and quiet hours, with their version as the `ETag`.")
    @APIResponseSchema(PreferencesView.class)
    public Uni<Response> get() {
        return preferences.view(actor.get()).map(view -> VersionedResponses.ok(view, view.version()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Capability.OWN_NOTIFICATION_PREFERENCES)
    @Operation(operationId = "replaceNotificationPreferences", summary = "Replace my notification preferences",
            description = "Sets the categories named (one not named keeps its decision) and the quiet hours at once,"
                    + " based on the version in `If-Match` or `baseVersion`; each grant and withdrawal is recorded"
                    + " with the screen and policy version it was given on. A stale version gets 409 with the preferences as they are now.")
    @APIResponseSchema(PreferencesView.class)
    public Uni<Response> replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull PreferencesChange change) {
        Actor person = actor.get();
        long baseVersion = BaseVersion.resolve(ifMatch, change.baseVersion());
        return preferences.update(person, change, baseVersion)
                .map(view -> VersionedResponses.ok(view, view.version()))
                .onFailure(StaleVersionException.class).recoverWithUni(stale -> preferences.view(person)
                        .map(current -> VersionedResponses.conflict(stale, current,
                                current.version())));
    }

    @GET
    @Path("/history")
    @PermissionsAllowed(Capability.OWN_NOTIFICATION_PREFERENCES)
    @Operation(operationId = "exportConsentHistory", summary = "Download my consent history",
            description = "Every grant and withdrawal, oldest first, as a JSON file to keep.")
    @APIResponseSchema(ConsentHistoryView.class)
    public Uni<Response> history() {
        return preferences.history(actor.get()).map(history -> Response.ok(history)
                .header("Content-Disposition", "attachment; filename=\"consent-history.json\"").build());
    }
}
