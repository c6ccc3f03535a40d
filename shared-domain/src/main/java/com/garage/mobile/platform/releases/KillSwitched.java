package com.garage.mobile.platform.releases;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as part of a feature that release admins can turn off with a kill switch:
 * while a switch for the feature holds for the caller's build, ring or garage, {@link KillSwitchFilter}
 * refuses the call with 503 {@code feature-turned-off} before it runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface KillSwitched {

    /** The feature's name, as kill switches and the apps' remote configuration name it ({@code chat}). */
    String value();
}
