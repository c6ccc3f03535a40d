package com.garage.mobile.platform.security.ratelimit;

import com.garage.mobile.domain.access.AppAudience;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Puts a resource method in a stricter {@link RateClass} than {@link RateClass#STANDARD}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    RateClass value();

    /**
     * The apps in which the endpoint takes this class, when both apps serve it; elsewhere it is
     * {@link RateClass#STANDARD}. Empty: every app that serves the endpoint.
     */
    AppAudience[] onlyFor() default {};
}
