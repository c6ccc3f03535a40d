package com.garage.mobile.api.appconfig;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.garage.mobile.platform.web.CompositeView;
import java.util.Map;
import java.util.Set;

/**
 * The app's remote configuration: the build it was computed for and one entry per contributed
 * part. Its ETag hashes the whole content, so an app that polls it gets 304 until a part changes.
 */
public record AppConfigView(String app, String platform, String appVersion,
        @JsonIgnore Map<String, Object> parts) implements CompositeView {

    /** Keys of the document itself, which no part may take. */
    static final Set<String> OWN_KEYS = Set.of("app", "platform", "appVersion");

    /** The document's format; it moves only when its shape changes incompatibly. */
    static final long FORMAT = 1;

    @JsonAnyGetter
    public Map<String, Object> parts() {
        return parts;
    }

    @Override
    @JsonIgnore
    public long version() {
        return FORMAT;
    }
}
