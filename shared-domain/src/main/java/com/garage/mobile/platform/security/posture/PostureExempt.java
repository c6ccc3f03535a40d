package com.garage.mobile.platform.security.posture;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a mutating resource method through without a device attestation: only for what a device
 * needs before it can attest, such as fetching a nonce.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PostureExempt {
}
