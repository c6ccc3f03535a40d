package com.garage.mobile.domain.partner.roadside;

/**
 * Where a roadside request stands, the same whatever the partner: requested, accepted (with an
 * ETA), en route, on site, towing, completed; or it ends cancelled, gone on arrival or unsuccessful.
 */
public enum RoadsideStatus {
    REQUESTED(0),
    ACCEPTED(1),
    EN_ROUTE(2),
    ON_SITE(3),
    TOWING(4),
    COMPLETED(5),
    CANCELLED(5),
    /** The responder arrived and found neither the customer nor the vehicle. */
    GONE_ON_ARRIVAL(5),
    UNSUCCESSFUL(5);

    private final int rank;

    RoadsideStatus(int rank) {
        this.rank = rank;
    }

    /** How far along the way a request is; every final status ranks last. */
    public int rank() {
        return rank;
    }

    public boolean isFinal() {
        return rank == 5;
    }
}
