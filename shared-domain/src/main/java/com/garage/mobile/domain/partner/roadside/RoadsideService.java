package com.garage.mobile.domain.partner.roadside;

/** The help a customer may ask for at the roadside. */
public enum RoadsideService {
    TOW,
    JUMP_START,
    FLAT_TYRE,
    LOCKOUT,
    FUEL
}
