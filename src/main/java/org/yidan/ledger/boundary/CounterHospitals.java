package org.yidan.ledger.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.yidan.ledger.entity.HospitalRecord;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.settlement.boundary.HospitalDirectory;

import java.util.List;
import java.util.Optional;

/** The hospitals registry as the counter asks it (see {@link HospitalDirectory}). */
@ApplicationScoped
public class CounterHospitals implements HospitalDirectory {

    @Inject
    HospitalRegistry registry;

    @Override
    public List<Entry> search(String county, String text, int limit) {
        return registry.search(county, text, limit).stream().map(CounterHospitals::entry).toList();
    }

    @Override
    public Optional<Entry> find(String county, String code) {
        return registry.find(code).filter(hospital -> hospital.county().equals(county)).map(CounterHospitals::entry);
    }

    private static Entry entry(HospitalRecord hospital) {
        return new Entry(hospital.code(), hospital.name(), hospital.county(), HospitalLevel.valueOf(hospital.level()),
                hospital.inCounty());
    }
}
