package com.garage.mobile.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refuses a request whose declared body is larger than the limit before any of it is read, with
 * a 413 problem rather than the bare status the HTTP layer would send. A body of undeclared length
 * is counted as it is read ({@link CountedBody}); the HTTP layer's own, higher limit is the backstop.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** How large a request body may be. */
    @ConfigMapping(prefix = "garage.request")
    public interface Limits {

        /** The largest body accepted; keep it below {@code quarkus.http.limits.max-body-size}. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * Path prefixes whose endpoints read their bodies as streams and cap them themselves (the
         * tus uploads of media, docs/media.md); the HTTP layer's limit stays their backstop.
         */
        Optional<List<String>> streamedPaths();
    }

    private final long maxBytes;
    private final List<String> streamedPaths;
    private final ObjectMapper json;

    public BodySizeLimit(Limits limits, ObjectMapper json) {
        this.maxBytes = limits.maxBodySize().asLongValue();
        this.streamedPaths = limits.streamedPaths().orElse(List.of());
        this.json = json;
    }

    public long maxBytes() {
        return maxBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared) && !streamed(context.request().path())) {
            refuse(context);
        } else {
            context.next();
        }
    }

    static Problem tooLarge(long maxBytes) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The body may be at most %d bytes.".formatted(maxBytes));
    }

    private boolean streamed(String path) {
        return streamedPaths.stream().anyMatch(path::startsWith);
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context) {
        String requestId = RequestInfoFilter.safe(context.request().getHeader(RequestInfoFilter.REQUEST_ID_HEADER));
        Problem problem = tooLarge(maxBytes)
                .at(context.request().path(), requestId != null ? requestId : UUID.randomUUID().toString());
        HttpServerResponse response = context.response();
        if (context.request().version() != HttpVersion.HTTP_2) {
            // HTTP/2 has no such header (a client resets the stream that carries it); its stream just ends.
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        try {
            response.setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(RequestInfoFilter.REQUEST_ID_HEADER, problem.requestId())
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
