package com.garage.mobile.domain.job;

/** What an estimate line charges for. */
public enum LineKind {
    LABOUR,
    PART
}
