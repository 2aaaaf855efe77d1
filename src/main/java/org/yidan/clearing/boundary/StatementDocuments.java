package org.yidan.clearing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.clearing.control.StatementPdf;
import org.yidan.clearing.control.StatementXlsx;
import org.yidan.clearing.entity.StatementView;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Policy;

/** The printable (PDF) and spreadsheet (XLSX) forms of a statement the caller may read. */
@ApplicationScoped
public class StatementDocuments {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final StatementPdf PDF = new StatementPdf();
    private static final StatementXlsx SPREADSHEET = new StatementXlsx();

    @Inject
    Policies policies;

    public byte[] pdf(StatementView view) {
        return PDF.render(view, countyName(view.county()), fundName(view.fund()));
    }

    public byte[] xlsx(StatementView view) {
        return SPREADSHEET.render(view, countyName(view.county()), fundName(view.fund()));
    }

    String countyName(String county) {
        return policies.all().stream().filter(p -> p.county().equals(county)).map(Policy::countyName).findFirst()
                .orElse(county);
    }

    static String fundName(String fund) {
        return DeclaredFunds.current().displayName(fund);
    }
}
