package com.garage.mobile.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a mutating resource method in the audit trail, so that a refusal recorded before its
 * service ran (no token of the right kind, step-up, device posture, rate limit, bad body) is
 * filed under the same action and resource as the service's own entries. Without it, such a
 * refusal is filed under the endpoint's route.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedAs {

    /** The action, as the service audits it (e.g. {@code job.change-status}). */
    String action();

    /** The type of resource acted on (e.g. {@code job}). */
    String resource();

    /** The path parameter holding the resource's id. */
    String idParam() default "id";
}
