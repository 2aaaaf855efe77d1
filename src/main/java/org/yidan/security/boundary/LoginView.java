package org.yidan.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;

import java.util.ResourceBundle;

/**
 * {@code login.xhtml}: the form login. {@link YidanAuthenticationMechanism} checks the password, counts
 * failures (five lock the account for 15 minutes), changes the session id and audits; this view only
 * hands it the credentials and says in Chinese what came of it.
 */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    AuditTrail audit;

    private String username;
    private String password;
    private boolean loggedOut;
    private String problem;

    /** A signed-in user who opens the login page (e.g. after an expired view) goes on to the home page. */
    public String redirectWhenSignedIn() {
        return external().getUserPrincipal() != null ? "/index?faces-redirect=true" : null;
    }

    public String login() {
        ExternalContext external = external();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(),
                                new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS:
                return "/index?faces-redirect=true";
            case SEND_CONTINUE:
                faces.responseComplete();
                return null;
            default:
                problem = text(problemKey(request.getAttribute("yidan.loginOutcome")));
                return null;
        }
    }

    public String logout() throws ServletException {
        ExternalContext external = external();
        String who = external.getUserPrincipal() == null ? null : external.getUserPrincipal().getName();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (who != null) {
            audit.recordIndependently(who, AuditAction.LOGOUT, who, AuditEvent.Outcome.SUCCESS, "form logout");
        }
        return "/login?faces-redirect=true&loggedOut=true";
    }

    /**
     * One message for an unknown name, a wrong password, a locked or a disabled account: telling them apart
     * would tell anyone which user names exist. The audit trail keeps the real reason.
     */
    private static String problemKey(Object outcome) {
        return "login.failed";
    }

    private String text(String key) {
        ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
        return messages.getString(key);
    }

    private ExternalContext external() {
        return faces.getExternalContext();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isLoggedOut() {
        return loggedOut;
    }

    public void setLoggedOut(boolean loggedOut) {
        this.loggedOut = loggedOut;
    }

    public String getProblem() {
        return problem;
    }
}
