package org.yidan.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST contract of ../shared/docs/api.md lives under {@code /api/v1}. */
@ApplicationPath("api/v1")
public class YidanApplication extends Application {
}
