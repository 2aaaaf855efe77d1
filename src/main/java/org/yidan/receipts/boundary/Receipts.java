package org.yidan.receipts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;
import org.yidan.receipts.control.ReceiptPdf;
import org.yidan.receipts.entity.ReceiptDocument;
import org.yidan.security.boundary.UserAccounts;
import org.yidan.settlement.boundary.SettlementService;
import org.yidan.settlement.control.SettlementView;

import java.util.stream.Collectors;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.CLERK_NAME;

/** The one-receipt (一单制结算单) of a stored settlement: what it prints, and the PDF. */
@Stateless
public class Receipts {

    private static final ReceiptPdf PDF = new ReceiptPdf();

    @Inject
    SettlementService settlements;

    @Inject
    UserAccounts users;

    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME})
    public ReceiptDocument document(String receiptNo) {
        return document(settlements.find(receiptNo));
    }

    @RolesAllowed({CLERK_NAME, AUDITOR_NAME, ADMIN_NAME})
    public byte[] pdf(String receiptNo, ReceiptPdf.Paper paper) {
        return PDF.render(document(receiptNo), paper);
    }

    /** The categories are the ones stored with the settlement: a reprint shows what was paid for, whatever the registry says today. */
    ReceiptDocument document(SettlementView view) {
        String categories = view.personCategories().stream().map(Receipts::categoryName)
                .collect(Collectors.joining("、"));
        String clerkName = users.find(view.settledBy()).map(UserAccounts.UserProfile::displayName).orElse(view.settledBy());
        return new ReceiptDocument(
                view.county(), view.countyName(), view.receiptNo(),
                view.isReversed() ? ReceiptDocument.Status.REVERSED : ReceiptDocument.Status.SETTLED,
                view.isReversed() ? new ReceiptDocument.Reversal(view.reversedAt(), view.reversalReason()) : null,
                view.personName(), IdNumbers.mask(view.idNumber()), categories,
                view.hospitalCode(), HospitalLevel.valueOf(view.hospitalLevel()).displayName(),
                VisitType.valueOf(view.visitType()).displayName(),
                view.admissionDate(), view.dischargeDate(),
                view.totalAmount(), view.policyScopeAmount(), view.specialDrugAmount(),
                // only the rules that concerned this patient are explained: not "不属于上述人员" for every other one
                view.lines().stream().map(line -> new ReceiptDocument.Line(line.fund(), line.name(), line.amount(),
                        line.steps().stream().filter(SettlementView.StepLine::applied)
                                .map(SettlementView.StepLine::explanation).toList())).toList(),
                view.fundTotal(), view.selfPay(),
                new ReceiptDocument.Clerk(clerkName, view.settledBy()),
                view.settledAt(), view.verificationCode(), view.policyId(),
                view.policyFingerprint().substring(0, 12));
    }

    private static String categoryName(String code) {
        try {
            return PersonCategory.valueOf(code).displayName();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
