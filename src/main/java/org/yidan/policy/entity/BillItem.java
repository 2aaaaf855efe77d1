package org.yidan.policy.entity;

import java.math.BigDecimal;

/** One item of the itemisation inside the policy scope (e.g. a registration fee). */
public record BillItem(ItemCategory category, BigDecimal amount) {
}
