package org.yidan.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a REST method reads, in bytes; without it {@link RequestBodyLimits#JSON_LIMIT}.
 * A larger body is answered 413 {@code BODY_TOO_LARGE} without being read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    long value();
}
