package com.garage.mobile.domain.releases;

/**
 * Where a release stands in its store. Only an {@code AVAILABLE} release is offered to anyone; a
 * {@code WITHDRAWN} one is offered to no one, whatever its rollouts say.
 */
public enum StoreStatus {
    DRAFT,
    IN_REVIEW,
    AVAILABLE,
    WITHDRAWN
}
