package org.yidan.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import org.yidan.platform.boundary.DatabaseUnavailable;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.yidan.platform.control.Texts;
import org.yidan.security.control.SignedInUser;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * One mechanism for both doors: HTTP Basic for {@code /api/v1} (hospital systems, scripts) and a
 * form login with an HTTP session for the counter screens. Jakarta Security 3 allows one mechanism
 * per application, hence the two paths in one class.
 */
@ApplicationScoped
public class YidanAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    CredentialCheck credentials;

    @Inject
    AuditTrail audit;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException failure) {
            // the user table is unreachable (restart, failover): 503 with Retry-After, never a bare 500
            if (DatabaseUnavailable.answer(failure, request, response)) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            throw failure;
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            return formLogin(form, request, context);
        }
        // a session id is taken from the cookie only: one in the URL (;jsessionid=) leaks through logs,
        // referrers and shared links
        HttpSession session = request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user) {
            if (isApi(request) && !isSafe(request.getMethod())) {
                // a browser adds the cookie to a cross-site form's post too: a REST call that changes anything
                // must carry its credentials itself (HTTP Basic), which no other site can make a browser send
                return refuse(response, 403, "CSRF_REFUSED", "Forbidden",
                        "A REST call that changes data needs HTTP Basic credentials; the screens' session does not suffice.");
            }
            return context.notifyContainerAboutLogin(user.username(), user.roleNames());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request) || isOperations(request)) {
            return challenge(response, "Sign in with HTTP Basic credentials of a Yidan user.");
        }
        if (isFacesAjax(request)) {
            // an Ajax request after the session ended: a plain 302 would hand the login page's HTML to the
            // PrimeFaces Ajax handler, which cannot read it; a partial-response redirect takes the browser there
            return ajaxRedirect(response, request.getContextPath() + LOGIN_PAGE);
        }
        return redirect(response, request.getContextPath() + LOGIN_PAGE);
    }

    /**
     * A relative redirect: {@code HttpMessageContext.redirect} lets the container make it absolute from the
     * request's Host header, which the client chooses (the mechanism runs before any filter could fix it).
     */
    private static AuthenticationStatus redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    private static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    private static AuthenticationStatus ajaxRedirect(HttpServletResponse response, String location) {
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + location + "\"/></partial-response>");
        } catch (IOException clientGone) {
            // nothing to tell a client that has gone
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return challenge(response, "The Authorization header is not valid HTTP Basic.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return challenge(response, "The Authorization header is not valid HTTP Basic.");
        }
        String username = decoded.substring(0, colon);
        if (username.length() > UserAccounts.MAX_USERNAME_LENGTH) {
            // no user has such a name; it is refused before any lookup and audited cut to what the trail keeps
            audit.recordIndependently(Texts.cut(username, UserAccounts.MAX_USERNAME_LENGTH), AuditAction.LOGIN, "HTTP Basic",
                    AuditEvent.Outcome.FAILURE, "user name of " + username.length() + " characters refused");
            return challenge(response, UserAccounts.FAILED_SIGN_IN);
        }
        UserAccounts.LoginResult result = credentials.checkBasic(username, decoded.substring(colon + 1),
                clientAddress(request));
        if (result.outcome() != UserAccounts.LoginOutcome.SUCCESS) {
            // one answer for an unknown name, a wrong password, a locked or disabled account: the answer
            // must not tell which user names exist
            return challenge(response, UserAccounts.FAILED_SIGN_IN);
        }
        return context.notifyContainerAboutLogin(result.username(), roleNames(result));
    }

    private AuthenticationStatus formLogin(UsernamePasswordCredential form, HttpServletRequest request,
                                           HttpMessageContext context) {
        UserAccounts.LoginResult result = credentials.checkForm(form.getCaller(), form.getPasswordAsString(),
                clientAddress(request));
        if (result.outcome() != UserAccounts.LoginOutcome.SUCCESS) {
            request.setAttribute("yidan.loginOutcome", result.outcome());
            return AuthenticationStatus.SEND_FAILURE;
        }
        // a new session id at login defeats session fixation
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE,
                new SignedInUser(result.username(), result.displayName(), result.roles(), result.fund()));
        return context.notifyContainerAboutLogin(result.username(), roleNames(result));
    }

    private static Set<String> roleNames(UserAccounts.LoginResult result) {
        return new SignedInUser(result.username(), result.displayName(), result.roles(), result.fund()).roleNames();
    }

    /**
     * The address the throttle counts failures for: the TCP peer. Behind a reverse proxy that is the proxy,
     * unless the server is configured to take the client's address from the proxy's header (README).
     */
    private static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** /metrics and /openapi: read by scripts and monitoring, which sign in with HTTP Basic. */
    private static boolean isOperations(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/metrics") || path.startsWith("/openapi");
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Yidan\", charset=\"UTF-8\"");
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required",
                detail);
    }

    /** {@code detail} is always one of this class's fixed texts, never the client's input. */
    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String code, String title,
                                               String detail) {
        try {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:yidan:problem:" + code.toLowerCase().replace('_', '-')
                    + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                    + "\",\"code\":\"" + code + "\",\"errors\":[]}");
        } catch (IOException clientGone) {
            // nothing to tell a client that has gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
