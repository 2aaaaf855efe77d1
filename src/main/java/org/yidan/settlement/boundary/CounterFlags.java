package org.yidan.settlement.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/** What every {@link PersonFlags} says about the person at the counter; the page asks once per request. */
@Named
@RequestScoped
public class CounterFlags {

    @Inject
    Instance<PersonFlags> sources;

    private String idNumber;
    private List<String> flags = List.of();

    public List<String> of(String idNumber) {
        if (idNumber == null) {
            return List.of();
        }
        if (!idNumber.equals(this.idNumber)) {
            List<String> found = new ArrayList<>();
            sources.forEach(source -> found.addAll(source.flagsFor(idNumber)));
            this.idNumber = idNumber;
            this.flags = List.copyOf(found);
        }
        return flags;
    }
}
