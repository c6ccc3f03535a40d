package com.garage.mobile.domain.job;

/** Whether a line is the work asked for or work a finding recommends, which the customer may decline. */
public enum LineNecessity {
    REQUIRED,
    RECOMMENDED
}
