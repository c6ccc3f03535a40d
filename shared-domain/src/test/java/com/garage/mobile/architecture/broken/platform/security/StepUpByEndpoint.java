package com.garage.mobile.architecture.broken.platform.security;

import com.garage.mobile.architecture.broken.api.devices.SharedDeviceEndpoint;

/** Breaks the api rule on purpose: a platform filter that knows an endpoint instead of its annotation. */
public class StepUpByEndpoint {

    public String challenge(SharedDeviceEndpoint endpoint) {
        return endpoint.action();
    }
}
