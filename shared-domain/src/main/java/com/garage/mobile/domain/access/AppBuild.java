package com.garage.mobile.domain.access;

/**
 * The app build a request comes from, as the app declares it: which app (the BFF it calls), the
 * platform and the version. An app that does not say leaves platform and version null; features
 * that target builds (remote configuration, analytics, releases) treat it as unknown.
 */
public record AppBuild(AppAudience app, AppPlatform platform, SoftwareVersion version) {

    public boolean known() {
        return platform != null && version != null;
    }
}
