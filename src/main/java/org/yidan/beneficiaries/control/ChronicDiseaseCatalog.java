package org.yidan.beneficiaries.control;

import org.yidan.beneficiaries.entity.ChronicApplication.Track;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.Set;

/**
 * One county's chronic diseases (门诊慢性病病种): the listed ones (规定病种), decided as soon as they are filed,
 * and the others it accepts applications for, batched for the quarterly review. A code on neither list is unknown.
 *
 * @param listed   decided at once (随时申报、及时办结)
 * @param reviewed reviewed once a quarter (随时申报、每季度至少审核办理一次)
 */
public record ChronicDiseaseCatalog(Set<String> listed, Set<String> reviewed) {

    public ChronicDiseaseCatalog {
        listed = Set.copyOf(listed);
        reviewed = Set.copyOf(reviewed);
    }

    /** How an application for {@code disease} is decided; empty for a disease the county does not know. */
    public Optional<Track> track(String disease) {
        if (listed.contains(disease)) {
            return Optional.of(Track.LISTED);
        }
        return reviewed.contains(disease) ? Optional.of(Track.QUARTERLY) : Optional.empty();
    }

    /**
     * The day an application filed on {@code filedOn} must be decided by: that day for a listed disease, the last
     * day of its quarter for the quarterly review.
     */
    public static LocalDate dueBy(Track track, LocalDate filedOn) {
        return track == Track.LISTED ? filedOn : lastDayOfQuarter(filedOn);
    }

    public static LocalDate lastDayOfQuarter(LocalDate day) {
        int quarter = day.get(IsoFields.QUARTER_OF_YEAR);
        return LocalDate.of(day.getYear(), quarter * 3, 1).plusMonths(1).minusDays(1);
    }
}
