package com.garage.mobile.architecture.broken.platform.web;

/** A platform type that a domain class must not see. */
public record RequestState(String deviceId) {
}
