package com.garage.mobile.platform.push;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

/** Reading providers' answers, which are JSON when all is well and sometimes not when it is not. */
public final class Responses {

    private Responses() {
    }

    /** The body as JSON, or an empty object when it is empty or not JSON. */
    public static JsonObject json(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            return body.toJsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    /** Statuses that mean "not now": throttled, or the provider is unwell. */
    public static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    /** The failure a transient answer becomes, so that it is retried and counted by the circuit breaker. */
    public static ProviderUnavailableException unavailable(String provider, HttpResponse<Buffer> response) {
        return new ProviderUnavailableException(provider, "answered " + response.statusCode() + " "
                + abbreviated(response.bodyAsString()));
    }

    public static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
