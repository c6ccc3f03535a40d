package com.garage.mobile.domain.inspection;

/** Which side of a threshold is bad: tread depth is bad below, play or runout above. */
public enum BadWhen {
    BELOW,
    ABOVE
}
