/**
 * Immutable values of the settlement engine: a county's {@link org.yidan.policy.entity.Policy} and its
 * {@link org.yidan.policy.entity.Rule}s, a {@link org.yidan.policy.entity.Bill}, the person's
 * {@link org.yidan.policy.entity.PersonSnapshot}, the annual accumulators ({@link
 * org.yidan.policy.entity.AccumulatorKey}) and the resulting {@link org.yidan.policy.entity.Calculation}.
 */
package org.yidan.policy.entity;
