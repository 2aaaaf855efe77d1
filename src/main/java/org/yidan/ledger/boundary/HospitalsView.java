package org.yidan.ledger.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.yidan.ledger.entity.HospitalRecord;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.util.List;

/** {@code ledger/hospitals.xhtml}: administrators register designated hospitals one by one or by file. */
@Named
@ViewScoped
public class HospitalsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    HospitalRegistry registry;

    @Inject
    CurrentUser currentUser;

    private String county;
    private List<HospitalRecord> hospitals = List.of();
    private String code;
    private String name;
    private String newCounty;
    private HospitalLevel level = HospitalLevel.TOWNSHIP;
    private boolean inCounty = true;
    private String township;
    private List<String> importErrors = List.of();

    @PostConstruct
    void init() {
        currentUser.require(Permission.MAINTAIN_HOSPITALS);
        search();
    }

    public void search() {
        hospitals = registry.list(county);
    }

    public void edit(HospitalRecord record) {
        code = record.code();
        name = record.name();
        newCounty = record.county();
        level = HospitalLevel.valueOf(record.level());
        inCounty = record.inCounty();
        township = record.township();
    }

    public void save() {
        try {
            registry.put(new HospitalRecord(code == null ? null : code.trim(), name, newCounty,
                    level == null ? null : level.name(), inCounty, township), inCounty, currentUser.getUsername());
            FacesMessages.info("hospital.saved", code);
            code = null;
            name = null;
            township = null;
            search();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void upload(FileUploadEvent event) {
        try {
            HospitalRegistry.ImportResult result = registry.importFile(event.getFile().getContent(),
                    currentUser.getUsername());
            importErrors = result.errors();
            FacesMessages.info("hospital.imported", result.stored(), result.errors().size());
            search();
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public List<String> getCounties() {
        return List.copyOf(registry.counties());
    }

    public HospitalLevel[] getLevels() {
        return HospitalLevel.values();
    }

    public String levelName(String value) {
        try {
            return HospitalLevel.valueOf(value).displayName();
        } catch (IllegalArgumentException other) {
            return value;
        }
    }

    public List<HospitalRecord> getHospitals() {
        return hospitals;
    }

    public List<String> getImportErrors() {
        return importErrors;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNewCounty() {
        return newCounty;
    }

    public void setNewCounty(String newCounty) {
        this.newCounty = newCounty;
    }

    public HospitalLevel getLevel() {
        return level;
    }

    public void setLevel(HospitalLevel level) {
        this.level = level;
    }

    public boolean isInCounty() {
        return inCounty;
    }

    public void setInCounty(boolean inCounty) {
        this.inCounty = inCounty;
    }

    public String getTownship() {
        return township;
    }

    public void setTownship(String township) {
        this.township = township;
    }
}
