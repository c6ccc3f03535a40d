package com.garage.mobile.domain.partner.recall;

import io.smallrye.mutiny.Uni;

/** Port the platform fills (NHTSA vPIC): a VIN's make, model and model year; null fields when unknown. */
public interface VinDecoder {

    /** The decoded vehicle. */
    record DecodedVin(String make, String model, Integer modelYear) {
    }

    Uni<DecodedVin> decode(String vin);
}
