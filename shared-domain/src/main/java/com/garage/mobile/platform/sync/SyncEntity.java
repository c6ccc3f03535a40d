package com.garage.mobile.platform.sync;

import java.util.Arrays;

/** The kinds of record a sync page carries, by the name the apps see and the change log stores. */
public enum SyncEntity {
    JOB("job"), APPOINTMENT("appointment"), CUSTOMER("customer"), VEHICLE("vehicle");

    private final String wireName;

    SyncEntity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SyncEntity of(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(wireName));
    }
}
