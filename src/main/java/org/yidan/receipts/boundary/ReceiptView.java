package org.yidan.receipts.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.platform.control.RefusedException;
import org.yidan.receipts.control.ChineseAmountInWords;
import org.yidan.receipts.entity.ReceiptDocument;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code receipts/receipt.xhtml?no=…}: the one-receipt (一单制结算单) on screen, printable on one A5 sheet, with a
 * link to the PDF. Screen and PDF render the same {@link ReceiptDocument} from {@link Receipts}: the same figures,
 * explanations, categories and signature line, with labels from the same bundle.
 */
@Named
@ViewScoped
public class ReceiptView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    Receipts receipts;

    @Inject
    CurrentUser currentUser;

    private String no;
    private ReceiptDocument receipt;

    public void load() {
        currentUser.require(Permission.READ_SETTLEMENTS);
        if (no == null || no.isBlank()) {
            FacesMessages.error(null, "receipt.noNumber");
            return;
        }
        try {
            receipt = receipts.document(no.trim());
        } catch (RefusedException refused) {
            FacesMessages.error(null, "receipt.notFound", no);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** A fund's explanations without the fund's name that each sentence starts with: the row above shows it. */
    public List<String> explanations(ReceiptDocument.Line line) {
        String prefix = line.fundName() + "：";
        return line.explanations().stream()
                .map(text -> text.startsWith(prefix) ? text.substring(prefix.length()) : text).toList();
    }

    public String getStatus() {
        return receipt == null ? "" : FacesMessages.text("receipt.status." + receipt.status());
    }

    public String getSettledAt() {
        return receipt == null ? "" : time(receipt.settledAt());
    }

    public String getReversalDetail() {
        return receipt == null || receipt.reversal() == null ? ""
                : FacesMessages.text("receipt.doc.reversedDetail", time(receipt.reversal().reversedAt()),
                receipt.reversal().reason());
    }

    public String getClerk() {
        return receipt == null ? "" : receipt.clerk().displayName() + "（" + receipt.clerk().userName() + "）";
    }

    public String getSelfPayInWords() {
        return receipt == null ? "" : ChineseAmountInWords.of(receipt.selfPay());
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(CountyClock.ZONE).format(TIME);
    }

    public String getNo() {
        return no;
    }

    public void setNo(String no) {
        this.no = no;
    }

    public ReceiptDocument getReceipt() {
        return receipt;
    }
}
