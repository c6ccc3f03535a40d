package com.garage.mobile.platform.payment.stripe;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The part of Stripe's REST API we call, form-encoded as Stripe takes it. Answers are read as
 * responses (the default error mapper is off), so {@link StripeClient} interprets every status.
 */
@Path("/v1")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public interface StripeApi {

    @POST
    @Path("/payment_intents")
    Uni<Response> createIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form);

    @POST
    @Path("/payment_intents/{id}/confirm")
    Uni<Response> confirmIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id,
            MultivaluedMap<String, String> form);

    @POST
    @Path("/payment_intents/{id}/capture")
    Uni<Response> captureIntent(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id,
            MultivaluedMap<String, String> form);

    @GET
    @Path("/payment_intents/{id}")
    Uni<Response> retrieveIntent(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/checkout/sessions")
    Uni<Response> createCheckoutSession(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, MultivaluedMap<String, String> form);
}
