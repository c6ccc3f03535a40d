package com.garage.mobile.architecture.broken.platform.sync;

import com.garage.mobile.architecture.broken.api.sync.SyncEndpoint;

/** Breaks the api rule on purpose: a platform class reaching up into an endpoint. */
public class EndpointAwareSync {

    public String path(SyncEndpoint endpoint) {
        return endpoint.path();
    }
}
