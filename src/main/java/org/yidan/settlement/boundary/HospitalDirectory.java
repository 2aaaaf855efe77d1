package org.yidan.settlement.boundary;

import org.yidan.policy.entity.HospitalLevel;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The designated hospitals (定点医疗机构) the counter picks from. The registry itself lives in the ledger, which
 * comes after settlement in the components' direction; the ledger implements this so that the counter can ask it
 * without depending on it.
 */
public interface HospitalDirectory {

    /** A registered hospital as the counter fills the bill from it. */
    record Entry(String code, String name, String county, HospitalLevel level, boolean inCounty)
            implements Serializable {

        /** How the counter's suggestion list shows it, code first: picking it puts the code in the field. */
        public String label() {
            return code + " " + name;
        }
    }

    /** The county's hospitals whose code or name contains {@code text}, by code; at most {@code limit}. */
    List<Entry> search(String county, String text, int limit);

    /** The county's hospital of this code, if registered. */
    Optional<Entry> find(String county, String code);
}
