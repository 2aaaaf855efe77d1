package org.yidan.security.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Fund;
import org.yidan.security.entity.Permission;
import org.yidan.security.entity.Role;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code security/users.xhtml}: the administrator lists users, creates one with roles, edits a user's roles,
 * fund, state (enabled, exempt from lockout), resets a password and unlocks locked accounts.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(CountyClock.ZONE);

    @Inject
    UserAdministration administration;

    @Inject
    CurrentUser currentUser;

    private List<UserAccounts.UserProfile> users = List.of();
    private String username;
    private String displayName;
    private String password;
    private Role[] roles = new Role[0];
    private Fund fund;

    /** The user the edit or reset dialog is about. */
    private String editing;
    private Role[] editRoles = new Role[0];
    private Fund editFund;
    private boolean editEnabled;
    private boolean editExempt;
    private String newPassword;

    @PostConstruct
    void init() {
        currentUser.require(Permission.MANAGE_USERS);
        reload();
    }

    private void reload() {
        users = administration.list();
    }

    public void create() {
        try {
            administration.create(username, displayName, password == null ? null : password.toCharArray(),
                    roles.length == 0 ? Set.of() : EnumSet.copyOf(List.of(roles)), fund, currentUser.getUsername());
            FacesMessages.info("users.created", username.trim());
            username = null;
            displayName = null;
            roles = new Role[0];
            fund = null;
            reload();
        } catch (RefusedException refused) {
            showProblem(refused);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        } finally {
            password = null;
        }
    }

    private void showProblem(RefusedException refused) {
        jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        if (UserAdministration.USER_EXISTS.equals(refused.code())) {
            FacesMessages.error("createForm:username", "users.exists", username);
            return;
        }
        String field = refused.errors().isEmpty() ? "" : refused.errors().get(0).field();
        switch (field) {
            case "username" -> FacesMessages.error("createForm:username", "users.invalidUsername");
            case "password" -> FacesMessages.error("createForm:password", "password.tooShort");
            case "roles" -> FacesMessages.error("createForm:roles", "users.rolesRequired");
            case "fund" -> FacesMessages.error("createForm:fund", "users.fundRequired");
            case "displayName" -> FacesMessages.error("createForm:displayName",
                    "jakarta.faces.component.UIInput.REQUIRED", FacesMessages.text("users.displayName"));
            default -> FacesMessages.errorText(null, FacesMessages.refusalText(refused));
        }
    }

    public void unlock(UserAccounts.UserProfile row) {
        try {
            administration.unlock(row.username(), currentUser.getUsername());
            FacesMessages.info("users.unlocked", row.username());
            reload();
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** Opens the edit dialog with the user's current roles, fund and state. */
    public void startEdit(UserAccounts.UserProfile row) {
        editing = row.username();
        editRoles = row.roles().toArray(Role[]::new);
        editFund = DeclaredFunds.current().find(row.fund()).orElse(null);
        editEnabled = row.enabled();
        editExempt = row.lockoutExempt();
    }

    public void saveEdit() {
        try {
            administration.update(editing, editRoles.length == 0 ? Set.of() : EnumSet.copyOf(List.of(editRoles)),
                    editFund, editEnabled, editExempt, currentUser.getUsername());
            FacesMessages.info("users.updated", editing);
            reload();
            org.primefaces.PrimeFaces.current().executeScript("PF('editDialog').hide()");
        } catch (RefusedException refused) {
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            String field = refused.errors().isEmpty() ? "" : refused.errors().get(0).field();
            switch (field) {
                case "roles" -> FacesMessages.error("editForm:editRoles", refused.getMessage().contains("itself")
                        ? "users.notYourself" : "users.rolesRequired");
                case "fund" -> FacesMessages.error("editForm:editFund", "users.fundRequired");
                default -> FacesMessages.errorText(null, FacesMessages.refusalText(refused));
            }
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public void startReset(UserAccounts.UserProfile row) {
        editing = row.username();
        newPassword = null;
    }

    public void resetPassword() {
        try {
            administration.resetPassword(editing, newPassword == null ? null : newPassword.toCharArray(),
                    currentUser.getUsername());
            FacesMessages.info("users.passwordReset", editing);
            reload();
            org.primefaces.PrimeFaces.current().executeScript("PF('resetDialog').hide()");
        } catch (RefusedException refused) {
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            FacesMessages.error("resetForm:newPassword", "password.tooShort");
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        } finally {
            newPassword = null;
        }
    }

    public boolean locked(UserAccounts.UserProfile row) {
        return row.lockedAt(Instant.now());
    }

    public String status(UserAccounts.UserProfile row) {
        if (!row.enabled()) {
            return FacesMessages.text("users.disabled");
        }
        if (locked(row)) {
            return FacesMessages.text("users.locked", TIME.format(row.lockedUntil()));
        }
        return FacesMessages.text(row.lockoutExempt() ? "users.activeExempt" : "users.active");
    }

    public String roleLabels(UserAccounts.UserProfile row) {
        return row.roles().stream().map(role -> FacesMessages.text("role." + role.name()))
                .collect(Collectors.joining("、"));
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public Role[] getRoleChoices() {
        return Role.values();
    }

    public Fund[] getFunds() {
        return Fund.values();
    }

    /** The Chinese name of a user's fund, so that the table shows 医疗救助, not ASSISTANCE. */
    public String fundName(String code) {
        return DeclaredFunds.current().displayName(code);
    }

    public List<UserAccounts.UserProfile> getUsers() {
        return users;
    }

    public String getEditing() {
        return editing;
    }

    public Role[] getEditRoles() {
        return editRoles.clone();
    }

    public void setEditRoles(Role[] editRoles) {
        this.editRoles = editRoles == null ? new Role[0] : editRoles.clone();
    }

    public Fund getEditFund() {
        return editFund;
    }

    public void setEditFund(Fund editFund) {
        this.editFund = editFund;
    }

    public boolean isEditEnabled() {
        return editEnabled;
    }

    public void setEditEnabled(boolean editEnabled) {
        this.editEnabled = editEnabled;
    }

    public boolean isEditExempt() {
        return editExempt;
    }

    public void setEditExempt(boolean editExempt) {
        this.editExempt = editExempt;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Role[] getRoles() {
        return roles.clone();
    }

    public void setRoles(Role[] roles) {
        this.roles = roles == null ? new Role[0] : roles.clone();
    }

    public Fund getFund() {
        return fund;
    }

    public void setFund(Fund fund) {
        this.fund = fund;
    }
}
