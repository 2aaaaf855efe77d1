package org.yidan.simulation.control;

import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.PersonSnapshot;

/**
 * A stored bill as the simulation replays it: the bill the hospital sent and the person as the registry knows them on
 * the discharge date.
 */
public record ReplayBill(String receiptNo, String idNumber, PersonSnapshot person, Bill bill) {
}
