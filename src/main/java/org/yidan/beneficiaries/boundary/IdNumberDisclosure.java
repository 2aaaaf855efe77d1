package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.security.boundary.Permissions;

/**
 * The one rule for showing an ID number: in full to a caller who may read full ID numbers
 * ({@link org.yidan.security.entity.Permission#READ_FULL_ID_NUMBERS}), otherwise masked as
 * {@code 370323********0215}. The facades apply it to what they return; views and JSON writers show what they get.
 */
@ApplicationScoped
public class IdNumberDisclosure {

    @Inject
    Permissions permissions;

    public String shown(String idNumber) {
        return permissions.mayReadFullIdNumbers() ? idNumber : IdNumbers.mask(idNumber);
    }

    /** The same person with the ID number as the caller may see it. */
    public BeneficiaryRecord shown(BeneficiaryRecord record) {
        return permissions.mayReadFullIdNumbers() ? record : record.withIdNumber(IdNumbers.mask(record.idNumber()));
    }
}
