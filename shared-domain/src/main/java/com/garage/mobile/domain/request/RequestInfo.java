package com.garage.mobile.domain.request;

import jakarta.enterprise.context.RequestScoped;

/** Where the current request comes from, for the audit trail and error bodies. */
@RequestScoped
public class RequestInfo {

    private String requestId;
    private String deviceId;
    private String clientIp;
    private String path;

    void fill(String id, String device, String ip, String requestPath) {
        this.requestId = id;
        this.deviceId = device;
        this.clientIp = ip;
        this.path = requestPath;
    }

    public String requestId() {
        return requestId;
    }

    public String deviceId() {
        return deviceId;
    }

    public String clientIp() {
        return clientIp;
    }

    public String path() {
        return path;
    }
}
