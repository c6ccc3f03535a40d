package com.garage.mobile.domain.access;

/** Which people an app serves: the technician app serves staff, the customer app customers. */
public enum AppAudience {
    STAFF,
    CUSTOMER
}
