package org.yidan.receipts.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.VisitType;
import org.yidan.receipts.control.ChineseAmountInWords;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.boundary.UserAccounts;
import org.yidan.security.entity.Permission;
import org.yidan.settlement.boundary.SettlementService;
import org.yidan.settlement.control.SettlementView;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code receipts/receipt.xhtml?no=…}: the one-receipt (一单制结算单) on screen, printable with the print
 * stylesheet, with a link to the PDF of {@code /api/v1/settlements/{no}/receipt.pdf}.
 */
@Named
@ViewScoped
public class ReceiptView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public record Line(String fund, String fundName, BigDecimal amount) implements Serializable {
    }

    /** Everything the receipt shows, already in the words the counter reads out. */
    public record Receipt(String countyName, String receiptNo, boolean reversed, String status, String reversedAt,
                          String reversedBy, String reversalReason, String personName, String shownIdNumber,
                          String hospitalCode, String hospitalLevel, boolean inCounty, String visitType,
                          boolean inpatient, LocalDate admissionDate, LocalDate dischargeDate,
                          BigDecimal totalAmount, BigDecimal policyScopeAmount, BigDecimal specialDrugAmount,
                          List<Line> lines, BigDecimal fundTotal, BigDecimal selfPay, String selfPayInWords,
                          String clerk, String settledAt, String verificationCode, String policyId)
            implements Serializable {
    }

    @Inject
    SettlementService settlements;

    @Inject
    UserAccounts users;

    @Inject
    CurrentUser currentUser;

    private String no;
    private Receipt receipt;

    public void load() {
        currentUser.require(Permission.READ_SETTLEMENTS);
        if (no == null || no.isBlank()) {
            FacesMessages.error(null, "receipt.notFound", "");
            return;
        }
        try {
            receipt = receipt(settlements.find(no.trim()));
        } catch (RefusedException refused) {
            FacesMessages.error(null, "receipt.notFound", no);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    private Receipt receipt(SettlementView view) {
        List<Line> lines = view.lines().stream().map(line -> new Line(line.fund(), line.name(), line.amount())).toList();
        return new Receipt(view.countyName(), view.receiptNo(), view.isReversed(),
                FacesMessages.text("receipt.status." + view.status()), time(view.reversedAt()), clerk(view.reversedBy()),
                view.reversalReason(), view.personName(), view.idNumber(), view.hospitalCode(),
                label(HospitalLevel.class, view.hospitalLevel()), view.hospitalInCounty(),
                label(VisitType.class, view.visitType()), VisitType.INPATIENT.name().equals(view.visitType()),
                view.admissionDate(), view.dischargeDate(), view.totalAmount(), view.policyScopeAmount(),
                view.specialDrugAmount(), lines, view.fundTotal(), view.selfPay(),
                ChineseAmountInWords.of(view.selfPay()), clerk(view.settledBy()), time(view.settledAt()),
                view.verificationCode(), view.policyId());
    }

    private String clerk(String username) {
        if (username == null) {
            return null;
        }
        return users.find(username).map(UserAccounts.UserProfile::displayName)
                .map(name -> name + "（" + username + "）").orElse(username);
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(CountyClock.ZONE).format(TIME);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String name) {
        try {
            Enum<E> value = Enum.valueOf(type, name);
            return value instanceof HospitalLevel level ? level.displayName()
                    : value instanceof VisitType visit ? visit.displayName() : name;
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return name;
        }
    }

    public String getNo() {
        return no;
    }

    public void setNo(String no) {
        this.no = no;
    }

    public Receipt getReceipt() {
        return receipt;
    }
}
