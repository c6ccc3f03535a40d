package com.garage.mobile.platform.web;

import com.garage.mobile.domain.idempotency.IdempotentResponse;
import com.garage.mobile.domain.problem.Problem;
import com.garage.mobile.domain.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Answers that carry a resource's version as its {@code ETag}, so the next update can send it back. */
public final class VersionedResponses {

    private VersionedResponses() {
    }

    public static Response ok(Object view, long version) {
        return Response.ok(view).header(HttpHeaders.ETAG, BaseVersion.etag(version)).build();
    }

    /** A creating request's answer (first or replayed), pointing at what it created. */
    public static Response created(IdempotentResponse response, String collection) {
        return Response.status(response.status()).entity(response.body())
                .header(HttpHeaders.ETAG, BaseVersion.etag(response.body().get("version").asLong()))
                .location(URI.create(collection + "/" + response.body().get("id").asText()))
                .build();
    }

    /** A stale write: 409 with the resource as it is now, so the app can show what changed. */
    public static Response conflict(ProblemException stale, Object current, long version) {
        Problem problem = stale.problem().withCurrent(current);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.ETAG, BaseVersion.etag(version)).build();
    }
}
