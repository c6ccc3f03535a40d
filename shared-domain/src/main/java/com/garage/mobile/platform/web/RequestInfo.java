package com.garage.mobile.platform.web;

import com.garage.mobile.domain.audit.AuditOutcome;
import jakarta.enterprise.context.RequestScoped;

/** Where the current request comes from, for the audit trail and error bodies. */
@RequestScoped
public class RequestInfo {

    private String requestId;
    private String deviceId;
    private String clientIp;
    private String path;
    private String appPlatform;
    private String appVersion;
    private boolean refusalAudited;

    void fill(String id, String device, String ip, String requestPath) {
        this.requestId = id;
        this.deviceId = device;
        this.clientIp = ip;
        this.path = requestPath;
    }

    void fillApp(String platform, String version) {
        this.appPlatform = platform;
        this.appVersion = version;
    }

    /** The device a sync batch names in its body: the audit entries of its mutations carry it. */
    public void useDevice(String device) {
        this.deviceId = device;
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

    /** The platform the app names in {@code X-App-Platform}, as sent (unchecked). */
    public String appPlatform() {
        return appPlatform;
    }

    /** The version the app names in {@code X-App-Version}, as sent (unchecked). */
    public String appVersion() {
        return appVersion;
    }

    /** Notes an audit entry written for this request, so that a refusal is audited once. */
    public void noteAudited(AuditOutcome outcome) {
        refusalAudited |= outcome != AuditOutcome.SUCCESS && outcome != AuditOutcome.FLAGGED;
    }

    /** Whether an entry saying the request was refused, conflicted or failed has been written. */
    public boolean refusalAudited() {
        return refusalAudited;
    }
}
