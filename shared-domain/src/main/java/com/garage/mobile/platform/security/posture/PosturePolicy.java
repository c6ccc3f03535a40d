package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.releases.MinimumVersion;
import com.garage.mobile.domain.releases.MinimumVersions;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * Holds a verified attestation against the policy of the app that made it. The minimum app version
 * is the one release admins set per app and platform ({@link MinimumVersions}, the same setting the
 * remote configuration announces), with the app's {@code minimum-app-version} as the default.
 */
@ApplicationScoped
public class PosturePolicy {

    private final PostureConfig config;
    private final MinimumVersions minimums;
    private final AccessConfig access;
    private final GarageClock clock;

    public PosturePolicy(PostureConfig config, MinimumVersions minimums, AccessConfig access, GarageClock clock) {
        this.config = config;
        this.minimums = minimums;
        this.access = access;
        this.clock = clock;
        config.apps().forEach((app, policy) -> {
            policy.minimumAppVersion().ifPresent(version -> requireVersion(app, version));
            policy.minimumOsVersion().values().forEach(version -> requireVersion(app, version));
        });
    }

    private static void requireVersion(String app, String version) {
        if (SoftwareVersion.parse(version) == null) {
            throw new IllegalStateException("garage.posture.apps.\"%s\": '%s' is not a version"
                    .formatted(app, version));
        }
    }

    /** Passes a device that meets its app's policy; throws a {@link PostureRefusal} saying why not. */
    public void check(DeviceAttestation device) {
        PostureConfig.AppPolicy app = config.apps().get(device.appId());
        if (app == null) {
            throw new PostureRefusal(ProblemType.APP_NOT_ALLOWED,
                    "The app '%s' may not use this service.".formatted(device.appId()));
        }
        if (!app.acceptedIntegrity().contains(device.integrity())) {
            throw new PostureRefusal(ProblemType.DEVICE_NOT_TRUSTED, ("This device failed its integrity check"
                    + " (%s): it may be rooted, jailbroken or modified. Use a device that passes.")
                    .formatted(device.integrity()));
        }
        checkOs(app, device);
    }

    /** The configured minimum of the apps this BFF serves (the lowest, should it serve several). */
    public Optional<SoftwareVersion> configuredMinimum() {
        return config.apps().values().stream().flatMap(app -> app.minimumAppVersion().stream())
                .map(SoftwareVersion::parse).min(SoftwareVersion::compareTo);
    }

    /** Passes an app at or above the minimum in force for its platform; refuses an older one. */
    public Uni<Void> checkAppVersion(DeviceAttestation device) {
        PostureConfig.AppPolicy app = config.apps().get(device.appId());
        Optional<SoftwareVersion> configured = app.minimumAppVersion().map(SoftwareVersion::parse);
        AppPlatform platform = AppPlatform.parse(device.osName().toLowerCase(Locale.ROOT));
        Uni<Optional<MinimumVersion>> rule = platform == null
                ? Uni.createFrom().item(configured.map(MinimumVersion::inForce))
                : minimums.of(new MinimumVersions.Target(access.audience(), platform), configured);
        return rule.invoke(minimum -> minimum.ifPresent(found -> refuseIfBelow(found, device))).replaceWithVoid();
    }

    private static void checkOs(PostureConfig.AppPolicy app, DeviceAttestation device) {
        String os = device.osName().toLowerCase(Locale.ROOT);
        String minimum = app.minimumOsVersion().get(os);
        if (minimum == null) {
            throw new PostureRefusal(ProblemType.OS_UNSUPPORTED,
                    "This app is not supported on %s.".formatted(device.osName()));
        }
        SoftwareVersion version = SoftwareVersion.parse(device.osVersion());
        if (version == null || version.isBefore(SoftwareVersion.parse(minimum))) {
            throw new PostureRefusal(ProblemType.OS_UNSUPPORTED,
                    "Update %s to version %s or later to use this app.".formatted(device.osName(), minimum),
                    "osVersion", "must be %s or later".formatted(minimum));
        }
    }

    private void refuseIfBelow(MinimumVersion rule, DeviceAttestation device) {
        SoftwareVersion minimum = rule.inForceAt(clock.now());
        if (minimum == null) {
            return;
        }
        SoftwareVersion version = SoftwareVersion.parse(device.appVersion());
        if (version == null || version.isBefore(minimum)) {
            // the admins' message speaks of their minimum, not of the one that holds during its grace period
            String message = minimum.equals(rule.minimum()) && !rule.message().isBlank() ? " " + rule.message() : "";
            throw new PostureRefusal(ProblemType.APP_UPGRADE_REQUIRED,
                    "This version of the app is no longer supported. Update it to version %s or later.%s"
                            .formatted(minimum, message),
                    "appVersion", "must be %s or later".formatted(minimum));
        }
    }
}
