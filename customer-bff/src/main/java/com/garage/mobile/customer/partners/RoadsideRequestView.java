package com.garage.mobile.customer.partners;

import com.garage.mobile.domain.partner.roadside.RoadsideRequest;
import com.garage.mobile.domain.partner.roadside.RoadsideStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * My roadside request as the app shows it. {@code delayed} with {@code notice} says plainly when
 * the partner has not yet taken it (it is queued and goes as soon as the partner answers).
 */
public record RoadsideRequestView(UUID id, UUID vehicleId, String partner, String service, String status,
        String address, String note, Instant etaAt, Double responderLatitude, Double responderLongitude, boolean towToGarage, boolean delayed,
        String notice, long version, Instant createdAt) {

    static RoadsideRequestView of(RoadsideRequest request) {
        boolean delayed = request.status() == RoadsideStatus.REQUESTED && request.partnerReference() == null;
        return new RoadsideRequestView(request.id(), request.vehicleId(), request.partner(), request.service().name(),
                request.status().name(), request.address(), request.note(), request.etaAt(), request.responderLatitude(), request.responderLongitude(),
                request.towToGarage(), delayed, delayed ? "Your request is queued: the assistance partner has not"
                        + " confirmed it yet. It goes through as soon as they answer; you will be told here and by"
                        + " notification." : null, request.version(), request.createdAt());
    }
}
