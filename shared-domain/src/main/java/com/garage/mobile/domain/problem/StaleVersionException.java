package com.garage.mobile.domain.problem;

/**
 * A write based on an old version. The BFF that catches it answers 409 with the current state of
 * the resource, shaped for its app.
 */
public class StaleVersionException extends ProblemException {

    private final long currentVersion;

    public StaleVersionException(String what, long baseVersion, long currentVersion) {
        super(ProblemType.STALE_VERSION, "%s is at version %d; your change was based on version %d."
                .formatted(what, currentVersion, baseVersion));
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
