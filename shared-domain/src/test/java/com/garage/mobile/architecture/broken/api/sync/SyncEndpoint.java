package com.garage.mobile.architecture.broken.api.sync;

/** An endpoint of the shared api layer, which the platform must not see. */
public record SyncEndpoint(String path) {
}
