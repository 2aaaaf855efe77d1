package org.yidan.security.control;

import org.yidan.security.entity.Role;

import java.io.Serializable;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is signed in, as kept in the HTTP session after a form login. */
public record SignedInUser(String username, String displayName, Set<Role> roles, String fund) implements Serializable {

    public static final String SESSION_ATTRIBUTE = "yidan.signedInUser";

    public Set<String> roleNames() {
        return roles.stream().map(Role::name).collect(Collectors.toSet());
    }
}
