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
import org.yidan.security.control.SignedInUser;

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
            return basic(authorization.substring(6).trim(), response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            return formLogin(form, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user) {
            return context.notifyContainerAboutLogin(user.username(), user.roleNames());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return challenge(response, "Sign in with HTTP Basic credentials of a Yidan user.");
        }
        if (isFacesAjax(request)) {
            // an Ajax request after the session ended: a plain 302 would hand the login page's HTML to the
            // PrimeFaces Ajax handler, which cannot read it; a partial-response redirect takes the browser there
            return ajaxRedirect(response, request.getContextPath() + LOGIN_PAGE);
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
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

    private AuthenticationStatus basic(String encoded, HttpServletResponse response, HttpMessageContext context) {
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
        UserAccounts.LoginResult result = credentials.checkBasic(decoded.substring(0, colon), decoded.substring(colon + 1));
        if (result.outcome() != UserAccounts.LoginOutcome.SUCCESS) {
            return challenge(response, result.outcome() == UserAccounts.LoginOutcome.LOCKED
                    ? "The account is locked after repeated failed sign-ins; try again in 15 minutes."
                    : "Wrong user name or password.");
        }
        return context.notifyContainerAboutLogin(result.username(), roleNames(result));
    }

    private AuthenticationStatus formLogin(UsernamePasswordCredential form, HttpServletRequest request,
                                           HttpMessageContext context) {
        UserAccounts.LoginResult result = credentials.checkForm(form.getCaller(), form.getPasswordAsString());
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

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Yidan\", charset=\"UTF-8\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:yidan:problem:unauthenticated\",\"title\":\"Authentication required\","
                    + "\"status\":401,\"detail\":\"" + detail + "\",\"code\":\"UNAUTHENTICATED\",\"errors\":[]}");
        } catch (IOException clientGone) {
            // nothing to tell a client that has gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
