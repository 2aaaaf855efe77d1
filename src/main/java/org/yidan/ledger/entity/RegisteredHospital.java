package org.yidan.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A designated hospital (定点医疗机构) of the registry: its name, county, level, whether it is in the county and
 * its township. Settlements do not require one: an unregistered code is booked without a name.
 */
@Entity
@Table(name = "hospital")
@NamedQuery(name = RegisteredHospital.BY_COUNTY,
        query = "select h from RegisteredHospital h where (:county is null or h.county = :county) order by h.code")
public class RegisteredHospital {

    public static final String BY_COUNTY = "RegisteredHospital.byCounty";

    @Id
    @Column(length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 6)
    private String county;

    @Column(nullable = false, length = 16)
    private String level;

    @Column(name = "in_county", nullable = false)
    private boolean inCounty;

    @Column(length = 100)
    private String township;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected RegisteredHospital() {
    }

    public RegisteredHospital(String code) {
        this.code = code;
    }

    public void replaceWith(HospitalRecord record) {
        name = record.name();
        county = record.county();
        level = record.level();
        inCounty = record.inCounty();
        township = record.township();
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public HospitalRecord toRecord() {
        return new HospitalRecord(code, name, county, level, inCounty, township);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getCounty() {
        return county;
    }

    public String getLevel() {
        return level;
    }

    public boolean isInCounty() {
        return inCounty;
    }

    public String getTownship() {
        return township;
    }
}
