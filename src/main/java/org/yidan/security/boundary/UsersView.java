package org.yidan.security.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
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

/** {@code security/users.xhtml}: the administrator lists users, creates one with roles and unlocks locked accounts. */
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

    private List<UserAdministration.UserRow> users = List.of();
    private String username;
    private String displayName;
    private String password;
    private Role[] roles = new Role[0];
    private Fund fund;

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
            case "password" -> FacesMessages.error("createForm:password", "users.passwordTooShort");
            case "roles" -> FacesMessages.error("createForm:roles", "users.rolesRequired");
            case "fund" -> FacesMessages.error("createForm:fund", "users.fundRequired");
            case "displayName" -> FacesMessages.error("createForm:displayName",
                    "jakarta.faces.component.UIInput.REQUIRED", FacesMessages.text("users.displayName"));
            default -> FacesMessages.errorText(null, FacesMessages.refusalText(refused));
        }
    }

    public void unlock(UserAdministration.UserRow row) {
        try {
            administration.unlock(row.username(), currentUser.getUsername());
            FacesMessages.info("users.unlocked", row.username());
            reload();
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public boolean locked(UserAdministration.UserRow row) {
        return row.lockedAt(Instant.now());
    }

    public String status(UserAdministration.UserRow row) {
        if (!row.enabled()) {
            return FacesMessages.text("users.disabled");
        }
        if (locked(row)) {
            return FacesMessages.text("users.locked", TIME.format(row.lockedUntil()));
        }
        return FacesMessages.text("users.active");
    }

    public String roleLabels(UserAdministration.UserRow row) {
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

    public List<UserAdministration.UserRow> getUsers() {
        return users;
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
