package com.garage.mobile.domain.partner.roadside;

/** A tow coming to the garage, with what the front desk needs to recognise it: the vehicle and its owner. */
public record InboundTow(RoadsideRequest request, String vehicle, String registrationPlate, String customerName) {
}
