package org.yidan.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.yidan.platform.control.RefusedException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Caps every REST request body before a resource reads it: a declared {@code Content-Length} over the
 * limit is answered 413 at once, and a body without one (chunked) is counted while it is read and
 * refused as soon as it passes the limit, so that no oversized body is ever held in memory. Runs
 * after the role check ({@code Priorities.AUTHORIZATION}), so a caller who may not call the method at
 * all gets 403 without anything being read.
 */
@Provider
@Priority(Priorities.USER)
public class RequestBodyLimits implements ContainerRequestFilter {

    /** A JSON request of the contract is a few kilobytes; a bill with a thousand items stays under this. */
    public static final long JSON_LIMIT = 256 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        long limit = limit();
        int declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    private long limit() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && method.getAnnotation(BodyLimit.class) != null) {
            return method.getAnnotation(BodyLimit.class).value();
        }
        Class<?> type = resource == null ? null : resource.getResourceClass();
        if (type != null && type.getAnnotation(BodyLimit.class) != null) {
            return type.getAnnotation(BodyLimit.class).value();
        }
        return JSON_LIMIT;
    }

    static RefusedException tooLarge(long limit) {
        return new RefusedException(413, "BODY_TOO_LARGE",
                "The request body is larger than this endpoint accepts (" + limit + " bytes).", List.of());
    }

    /** Counts what is read and refuses the byte that passes the limit. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
