package org.yidan.beneficiaries.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;
import org.yidan.beneficiaries.control.RosterColumn;
import org.yidan.beneficiaries.control.RosterParseResult;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;

import java.io.Serializable;

/**
 * {@code beneficiaries/import.xhtml}: the roster import (名单导入). {@link BeneficiaryService#importRoster} reads,
 * stores and audits, as for the REST API; the screen shows the counts and the invalid rows with their line,
 * column and reason.
 */
@Named
@ViewScoped
public class ImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BeneficiaryService registry;

    @Inject
    CurrentUser currentUser;

    private transient UploadedFile file;
    private BeneficiaryService.ImportResult result;

    @PostConstruct
    void init() {
        currentUser.require(Permission.MAINTAIN_REGISTRY);
    }

    public void upload() {
        result = null;
        if (file == null || file.getSize() == 0) {
            FacesMessages.error("importForm:file", "jakarta.faces.component.UIInput.REQUIRED",
                    FacesMessages.text("import.choose"));
            return;
        }
        try {
            result = registry.importRoster(file.getContent(), file.getFileName(), currentUser.getUsername());
        } catch (RefusedException refused) {
            StringBuilder why = new StringBuilder(FacesMessages.refusalText(refused));
            // a missing column is named by the column's English name; say which column in Chinese
            refused.errors().forEach(error -> why.append(' ').append(RosterColumn.named(error.field())
                    .map(column -> FacesMessages.text("roster.error.missingColumn", column.label()))
                    .orElse(error.message())));
            FacesMessages.error(null, "import.refused", why.toString());
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    /** A row's reason as the registrar reads it: in Chinese, from the bundle key the row rule gave. */
    public String reason(RosterParseResult.RowError error) {
        return RegistryNotices.text(error.why());
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public BeneficiaryService.ImportResult getResult() {
        return result;
    }

}
