package com.garage.mobile.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tags every successful answer that carries a {@link VersionedView} with its ETag, and answers a
 * GET whose {@code If-None-Match} names the current one with 304 and no body. A {@link CompositeView}
 * is tagged with a hash of the bytes sent. Updates still send the tag back as {@code If-Match};
 * {@link BaseVersion} reads its version part.
 */
public class EntityTags {

    private final ObjectMapper json;

    public EntityTags(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != Response.Status.OK.getStatusCode()
                || !(response.getEntity() instanceof VersionedView view)) {
            return;
        }
        String etag = view instanceof CompositeView ? tagRendered(view, response)
                : BaseVersion.etag(view.version());
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (read && matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /**
     * A composite's tag, its version and a hash of all it shows: the view is written once, the tag
     * hashed from those bytes and the bytes sent as the answer.
     */
    private String tagRendered(VersionedView view, ContainerResponseContext response) {
        try {
            byte[] body = json.writeValueAsBytes(view);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
            return "\"" + view.version() + "-"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9)) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot tag " + view.getClass().getSimpleName(), e);
        }
    }

    /** Weak comparison, as RFC 9110 prescribes for If-None-Match. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = opaque(etag);
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(current));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
