package com.garage.mobile.testing.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of a BFF's API as its OpenAPI document describes it.
 *
 * @param pathParameters  the path parameters, in the order they appear in the path
 * @param queryParameters the query parameters whose values are text
 * @param body            the request body's schema with references resolved, or null when there is none
 * @param takesVersion    whether it reads the version a change is based on from {@code If-Match}
 * @param rawBodyType     the content type of a body that is bytes, not JSON (a tus chunk), or null
 */
public record ApiOperation(String method, String path, List<String> pathParameters, List<String> queryParameters,
        JsonNode body, boolean takesVersion, String rawBodyType) {

    public boolean hasBody() {
        return body != null;
    }

    /** How the suite and its fixtures name the operation, e.g. {@code POST /api/v1/jobs/{id}/status}. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
