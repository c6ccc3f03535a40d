package com.garage.mobile.platform.security.posture;

import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Holds a verified attestation against the policy of the app that made it. */
@ApplicationScoped
public class PosturePolicy {

    private final PostureConfig config;

    public PosturePolicy(PostureConfig config) {
        this.config = config;
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
        checkAppVersion(app, device);
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

    private static void checkAppVersion(PostureConfig.AppPolicy app, DeviceAttestation device) {
        if (app.minimumAppVersion().isEmpty()) {
            return;
        }
        String minimum = app.minimumAppVersion().get();
        SoftwareVersion version = SoftwareVersion.parse(device.appVersion());
        if (version == null || version.isBefore(SoftwareVersion.parse(minimum))) {
            throw new PostureRefusal(ProblemType.APP_UPGRADE_REQUIRED,
                    "This version of the app is no longer supported. Update it to version %s or later."
                            .formatted(minimum),
                    "appVersion", "must be %s or later".formatted(minimum));
        }
    }
}
