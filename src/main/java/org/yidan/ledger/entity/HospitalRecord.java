package org.yidan.ledger.entity;

import java.io.Serializable;

/**
 * What one designated hospital is: the body of {@code PUT /api/v1/hospitals/{code}} and one row of an import.
 *
 * @param level the name of a {@link org.yidan.policy.entity.HospitalLevel}
 */
public record HospitalRecord(String code, String name, String county, String level, boolean inCounty,
                             String township) implements Serializable {
}
