package org.yidan.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** The REST contract of ../shared/docs/api.md lives under {@code /api/v1}. */
@ApplicationPath("api/v1")
public class YidanApplication extends Application {

    /**
     * A relative {@code Location} stays relative: made absolute, it would name whatever host the request's
     * Host header claimed.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
