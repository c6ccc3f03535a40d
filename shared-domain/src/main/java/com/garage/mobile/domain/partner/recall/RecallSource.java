package com.garage.mobile.domain.partner.recall;

import io.smallrye.mutiny.Uni;

/**
 * Port the platform fills (NHTSA's recalls API, cached per make, model and year): never fails for
 * an outage, it answers the last known recalls marked {@code delayed} instead.
 */
public interface RecallSource {

    Uni<RecallAnswer> recalls(String make, String model, int modelYear);
}
