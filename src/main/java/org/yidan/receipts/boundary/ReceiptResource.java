package org.yidan.receipts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.yidan.receipts.control.ReceiptPdf;

/**
 * {@code /api/v1/settlements/{receiptNo}/receipt.pdf}: the printable one-receipt (api.md). The URL sits under the
 * settlement it prints, but the receipt is this component's; its longer literal path wins over the settlement
 * resource's {@code {receiptNo}} in JAX-RS matching. Only delegates.
 */
@ApplicationScoped
@Path("settlements/{receiptNo}/receipt.pdf")
public class ReceiptResource {

    @Inject
    Receipts receipts;

    /** {@code ?paper=241} for 241 mm continuous paper, A5 otherwise. */
    @GET
    @Produces("application/pdf")
    public Response receiptPdf(@PathParam("receiptNo") String receiptNo, @QueryParam("paper") String paper) {
        ReceiptPdf.Paper size = "241".equals(paper) ? ReceiptPdf.Paper.CONTINUOUS_241 : ReceiptPdf.Paper.A5;
        return Response.ok(receipts.pdf(receiptNo, size), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + receiptNo + ".pdf\"")
                .build();
    }
}
