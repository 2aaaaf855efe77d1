package org.yidan.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;

/** {@code security/password.xhtml}: every signed-in user changes its own password, the old one required. */
@Named
@RequestScoped
public class PasswordView {

    @Inject
    UserAdministration administration;

    @Inject
    CurrentUser currentUser;

    private String oldPassword;
    private String newPassword;
    private String repeated;
    private boolean changed;

    public void change() {
        try {
            if (newPassword == null || !newPassword.equals(repeated)) {
                FacesContext.getCurrentInstance().validationFailed();
                FacesMessages.error("passwordForm:repeated", "password.mismatch");
                return;
            }
            administration.changeOwnPassword(currentUser.getUsername(), chars(oldPassword), chars(newPassword));
            changed = true;
            FacesMessages.info("password.changed");
        } catch (RefusedException refused) {
            FacesContext.getCurrentInstance().validationFailed();
            if (UserAdministration.WRONG_PASSWORD.equals(refused.code())) {
                FacesMessages.error("passwordForm:oldPassword", "password.wrongOld");
            } else {
                FacesMessages.error("passwordForm:newPassword", "password.tooShort");
            }
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        } finally {
            oldPassword = null;
            newPassword = null;
            repeated = null;
        }
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }

    public boolean isChanged() {
        return changed;
    }

    public String getOldPassword() {
        return oldPassword;
    }

    public void setOldPassword(String oldPassword) {
        this.oldPassword = oldPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
