package com.garage.mobile.platform.push;

import com.garage.mobile.domain.notification.device.PushEndpointPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/** The push services configured in {@code garage.push.web.allowed-hosts}; {@code *.} allows subdomains. */
@ApplicationScoped
public class WebPushHosts implements PushEndpointPolicy {

    private final PushConfig config;

    public WebPushHosts(PushConfig config) {
        this.config = config;
    }

    @Override
    public boolean allowsHost(String host) {
        return config.web().allowedHosts().stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? host.endsWith(allowed.substring(1))
                : host.equals(allowed));
    }
}
