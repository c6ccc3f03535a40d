package com.garage.mobile.platform.partner;

/**
 * A partner answered, but not something we may act on: a 4xx refusal or garbage (not JSON, the
 * wrong shape, an unknown status). The message names the partner and what was wrong, never a
 * value from the answer, so nothing personal reaches the logs.
 */
public class PartnerAnswerRefused extends RuntimeException {

    private final boolean garbage;

    public PartnerAnswerRefused(String partner, String what, boolean garbage) {
        super(partner + ": " + what, null, false, false);
        this.garbage = garbage;
    }

    public boolean garbage() {
        return garbage;
    }
}
