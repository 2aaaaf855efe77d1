package org.yidan.security.entity;

/** The product's roles (see README "Roles"). Role names are the strings used in {@code @RolesAllowed}. */
public enum Role {
    /** 窗口经办: settle, preview, look up. */
    CLERK,
    /** 审核: read everything, reverse settlements. */
    AUDITOR,
    /** 基金查看: the lines of its own fund only. */
    FUND_VIEWER,
    /** 对象登记: maintain beneficiaries, import rosters. */
    REGISTRAR,
    /** 系统管理: everything, including users and configuration. */
    ADMIN,
    /** 政策测算: policy what-if simulations and the watch lists. */
    POLICY_ANALYST;

    public static final String CLERK_NAME = "CLERK";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String FUND_VIEWER_NAME = "FUND_VIEWER";
    public static final String REGISTRAR_NAME = "REGISTRAR";
    public static final String ADMIN_NAME = "ADMIN";
    public static final String POLICY_ANALYST_NAME = "POLICY_ANALYST";
}
