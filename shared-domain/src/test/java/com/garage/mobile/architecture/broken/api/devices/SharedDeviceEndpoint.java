package com.garage.mobile.architecture.broken.api.devices;

/** An endpoint both apps serve, which the platform must not see. */
public class SharedDeviceEndpoint {

    public String action() {
        return "register a new device";
    }
}
