package org.yidan.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.yidan.platform.control.DatabaseFailures;
import org.yidan.platform.control.OutageLog;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * A database outage met outside JAX-RS (signing in, a screen): the same 503 with {@code Retry-After} as
 * {@link ProblemMapper}, problem+json for the API and a short Chinese page for a browser. As a named bean,
 * screens ask it whether a failure was an outage to show the clerk "please repeat" instead of a generic error.
 */
@Named("databaseUnavailable")
@ApplicationScoped
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());

    /** For screens: {@code #{databaseUnavailable.is(pfExceptionHandler.exception)}}. */
    public boolean is(Throwable failure) {
        return failure != null && DatabaseFailures.isUnavailable(failure);
    }

    /**
     * On the error page of a full page request: an outage answers 503 with {@code Retry-After}, like the API.
     */
    public void onErrorPage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (isOnThisPage()) {
            HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
            if (!response.isCommitted()) {
                response.setStatus(503);
                response.setHeader("Retry-After", String.valueOf(Problem.RETRY_AFTER_SECONDS));
            }
        }
    }

    /** Whether the failure that led to the error page being shown is a database outage. */
    public boolean isOnThisPage() {
        Object failure = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_EXCEPTION);
        return failure instanceof Throwable thrown && is(thrown);
    }

    /** Writes the 503 when {@code failure} is an outage and says whether it did. */
    public static boolean answer(Throwable failure, HttpServletRequest request, HttpServletResponse response) {
        var kind = DatabaseFailures.kind(failure);
        if (kind.isEmpty()) {
            return false;
        }
        OutageLog.failure(LOG, kind.get(), "requests answer 503 DATABASE_UNAVAILABLE");
        if (response.isCommitted()) {
            return true;
        }
        try {
            response.reset();
            response.setStatus(503);
            response.setHeader("Retry-After", String.valueOf(Problem.RETRY_AFTER_SECONDS));
            response.setCharacterEncoding("UTF-8");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType("application/problem+json");
                response.getWriter().write(Problem.databaseUnavailable().getEntity().toString());
            } else {
                ResourceBundle messages = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);
                response.setContentType("text/html");
                response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>"
                        + messages.getString("common.databaseUnavailableTitle") + "</title></head><body><h1>"
                        + messages.getString("common.databaseUnavailableTitle") + "</h1><p>"
                        + messages.getString("common.databaseUnavailableText") + "</p></body></html>");
            }
        } catch (IOException clientGone) {
            // nothing to tell a client that has gone
        }
        return true;
    }
}
