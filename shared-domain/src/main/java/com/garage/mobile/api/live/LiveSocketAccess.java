package com.garage.mobile.api.live;

import com.garage.mobile.platform.identity.RoleCapabilities;
import io.quarkus.security.StringPermission;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses the live channel's handshake with 403 to a signed-in person without the app's capability. */
@ApplicationScoped
public class LiveSocketAccess implements HttpUpgradeCheck {

    private final StringPermission required;

    public LiveSocketAccess(LiveSocketConfig config) {
        this.required = RoleCapabilities.permission(config.capability());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity()
                .chain(identity -> identity.isAnonymous()
                        ? CheckResult.rejectUpgrade(401)
                        : identity.checkPermission(required)
                                .chain(allowed -> allowed ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(403)))
                // A token that failed authentication is answered 401 by the @Authenticated check already.
                .onFailure().recoverWithItem(() -> CheckResult.rejectUpgradeSync(401));
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveSocket.ENDPOINT_ID.equals(endpointId);
    }
}
