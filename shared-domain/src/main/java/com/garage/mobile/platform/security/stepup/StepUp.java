package com.garage.mobile.platform.security.stepup;

import com.garage.mobile.domain.access.AppAudience;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method as sensitive: the caller's token must show a recent strong
 * authentication (see {@link StepUpConfig}), or the request is answered 401 with the RFC 9470
 * {@code insufficient_user_authentication} challenge. Checked by {@link StepUpFilter} after the
 * capability check, before the body is read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StepUp {

    /** What the caller is about to do, as the challenge names it, e.g. "approve or decline work". */
    String value();

    /**
     * The apps whose callers must step up, when an endpoint both apps serve is sensitive in one
     * only (as registering a staff phone is); empty: every app that serves the endpoint.
     */
    AppAudience[] onlyFor() default {};
}
