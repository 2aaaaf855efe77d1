package org.yidan.beneficiaries.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.file.UploadedFile;
import org.yidan.beneficiaries.control.RosterParseResult;
import org.yidan.beneficiaries.control.RosterParser;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Role;

import java.io.Serializable;
import java.util.List;

/**
 * {@code beneficiaries/import.xhtml}: the roster import (名单导入). The file is read by {@link RosterParser};
 * the valid persons are stored by {@link BeneficiaryService#importRoster}; the screen shows the counts and
 * every invalid row with its line, column and reason.
 */
@Named
@ViewScoped
public class ImportView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What one import did. */
    public record Result(String fileName, int rows, int persons, int created, int updated, int unchanged,
                         int rejectedPersons, List<RosterParseResult.RowError> errors) implements Serializable {
    }

    @Inject
    BeneficiaryService registry;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditTrail audit;

    private transient UploadedFile file;
    private Result result;

    @PostConstruct
    void init() {
        currentUser.require(Role.REGISTRAR, Role.ADMIN);
    }

    public void upload() {
        result = null;
        if (file == null || file.getSize() == 0) {
            FacesMessages.error("importForm:file", "jakarta.faces.component.UIInput.REQUIRED",
                    FacesMessages.text("import.choose"));
            return;
        }
        String fileName = file.getFileName() == null ? "roster" : file.getFileName();
        String username = currentUser.getUsername();
        RosterParseResult parsed;
        try {
            parsed = RosterParser.parse(file.getContent());
        } catch (RefusedException refused) {
            audit.recordIndependently(username, "ROSTER_IMPORT", fileName, AuditEvent.Outcome.REFUSED,
                    refused.getMessage());
            FacesMessages.error(null, "import.refused", refused.getMessage());
            return;
        }
        try {
            BeneficiaryService.ImportCounts counts = registry.importRoster(parsed.records(), fileName,
                    parsed.errors().size(), username);
            result = new Result(fileName, parsed.rows(), parsed.records().size(), counts.created(), counts.updated(),
                    counts.unchanged(), parsed.rejectedPersons(), parsed.errors());
        } catch (RefusedException refused) {
            FacesMessages.refused(refused, field -> null);
        } catch (RuntimeException failure) {
            FacesMessages.failed(failure);
        }
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public Result getResult() {
        return result;
    }
}
