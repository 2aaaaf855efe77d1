package org.yidan.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code web-application}: DOWN until the web application has started all its servlets.
 * <p>
 * Why: Payara answers {@code /health/ready} with the application's checks as soon as CDI knows them,
 * which is seconds before the REST and Faces servlets are initialised; a load balancer that trusted it sent
 * requests that got 404 and then 500. Servlets start in the order of their {@code load-on-startup}; the
 * marker below has the highest, so it starts after Jersey's and the Faces servlet (both 1).
 */
@WebListener
public class ApplicationStarted implements ServletContextListener {

    private static volatile boolean started;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        // registered without a mapping: it serves nothing, it only says when the others have started
        event.getServletContext().addServlet("yidan-started-marker", StartedMarker.class)
                .setLoadOnStartup(Integer.MAX_VALUE);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        started = false;
    }

    /** Initialised last of all servlets. */
    public static class StartedMarker extends HttpServlet {
        @Override
        public void init() {
            started = true;
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Check implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("web-application").status(started).build();
        }
    }
}
