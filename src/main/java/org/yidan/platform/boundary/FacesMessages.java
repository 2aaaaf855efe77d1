package org.yidan.platform.boundary;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.PessimisticLockException;
import org.yidan.platform.control.RefusedException;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The screens' one way to tell the user something: texts from the {@code msg} bundle (Chinese), refusals
 * of the services by their stable code, beside the offending field where the screen has one.
 */
public final class FacesMessages {

    private static final Logger LOG = Logger.getLogger(FacesMessages.class.getName());

    private FacesMessages() {
    }

    /** The bundle text for {@code key}, with {@code {0}}… replaced by {@code args}. */
    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }

    public static boolean hasText(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getApplication().getResourceBundle(faces, "msg").getString(key);
            return true;
        } catch (MissingResourceException missing) {
            return false;
        }
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void error(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** An error that is already text, e.g. from a validator message. */
    public static void errorText(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /**
     * Shows a refusal in Chinese: beside each field that {@code fieldToClientId} maps to a component (the
     * service names fields as JSON paths, e.g. {@code dischargeDate}), otherwise as a message for the page.
     */
    public static void refused(RefusedException refused, Function<String, String> fieldToClientId) {
        FacesContext.getCurrentInstance().validationFailed();
        String text = refusalText(refused);
        boolean placed = false;
        for (RefusedException.FieldError error : refused.errors()) {
            String clientId = error.field() == null ? null : fieldToClientId.apply(error.field());
            if (clientId != null) {
                add(clientId, FacesMessage.SEVERITY_ERROR, text);
                placed = true;
            }
        }
        if (!placed) {
            add(null, FacesMessage.SEVERITY_ERROR, text);
        }
    }

    public static String refusalText(RefusedException refused) {
        String key = "refused." + refused.code();
        if (hasText(key)) {
            return text(key, refused.getMessage());
        }
        return text("refused.other", refused.code(), refused.getMessage());
    }

    /**
     * Anything a service threw other than a refusal: a missing role is said as such; anything else is
     * logged with an incident id and shown as a plain "not done, nothing changed".
     */
    public static void failed(RuntimeException failure) {
        Throwable cause = failure;
        for (int depth = 0; depth < 10 && cause != null; depth++) {
            if (cause instanceof RefusedException refused) {
                refused(refused, field -> null);
                return;
            }
            if (cause instanceof EJBAccessException || cause instanceof SecurityException) {
                FacesContext.getCurrentInstance().validationFailed();
                error(null, "common.forbidden");
                return;
            }
            if (cause instanceof PessimisticLockException) {
                FacesContext.getCurrentInstance().validationFailed();
                error(null, "refused.BUSY");
                return;
            }
            Throwable next = cause instanceof EJBException ejb && ejb.getCausedByException() != null
                    ? ejb.getCausedByException() : cause.getCause();
            cause = next == cause ? null : next;
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure on a screen, incident " + incident, failure);
        FacesContext.getCurrentInstance().validationFailed();
        error(null, "common.errorText");
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
