package com.garage.mobile.platform.identity;

import com.garage.mobile.domain.access.AccessConfig;
import com.garage.mobile.domain.access.AppBuild;
import com.garage.mobile.domain.access.AppPlatform;
import com.garage.mobile.domain.access.SoftwareVersion;
import com.garage.mobile.domain.notification.FieldErrors;
import com.garage.mobile.platform.web.RequestInfo;
import com.garage.mobile.platform.web.RequestInfoFilter;
import jakarta.enterprise.context.RequestScoped;

/**
 * The app build of the current request, from {@code X-App-Platform} and {@code X-App-Version}.
 * Read only by the endpoints that target builds, so that a malformed header is refused there
 * (400 naming the header) and nowhere else.
 */
@RequestScoped
public class CurrentAppBuild {

    private final RequestInfo request;
    private final AccessConfig access;

    public CurrentAppBuild(RequestInfo request, AccessConfig access) {
        this.request = request;
        this.access = access;
    }

    public AppBuild get() {
        FieldErrors errors = new FieldErrors();
        AppPlatform platform = AppPlatform.parse(request.appPlatform());
        if (request.appPlatform() != null && platform == null) {
            errors.add(RequestInfoFilter.APP_PLATFORM_HEADER, "must be ios, android or web");
        }
        SoftwareVersion version = SoftwareVersion.parse(request.appVersion());
        if (request.appVersion() != null && version == null) {
            errors.add(RequestInfoFilter.APP_VERSION_HEADER, "must be a dotted version such as 2.14.1");
        }
        errors.throwIfAny();
        return new AppBuild(access.audience(), platform, version);
    }
}
