package com.garage.mobile.platform.problem;

import com.garage.mobile.domain.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Lets problems be compressed like other JSON. Quarkus decides compression for a resource's own
 * answer only; an answer from an exception mapper keeps the {@code identity} encoding it starts
 * with, whatever {@code quarkus.http.compress-media-types} says.
 */
public class ProblemCompression {

    @ServerResponseFilter
    public void compressible(ContainerResponseContext response, HttpServerRequest request) {
        MediaType type = response.getMediaType();
        if (type != null && Problem.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype())) {
            request.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
    }
}
