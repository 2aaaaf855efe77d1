package org.yidan.policy.entity;

/** The treating institution as the bill names it. {@code inCounty}: whether it lies in the person's county. */
public record Hospital(String code, HospitalLevel level, boolean inCounty) {
}
