package org.yidan.settlement.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.yidan.beneficiaries.boundary.IdNumberDisclosure;
import org.yidan.beneficiaries.control.IdNumbers;
import org.yidan.platform.control.JsonFactories;
import org.yidan.platform.control.RefusedException;
import org.yidan.settlement.control.AccumulatorView;

import java.time.LocalDate;

/**
 * {@code /api/v1/beneficiaries/{idNumber}/accumulators} (api.md): a person's annual totals per rule. The URL sits
 * under the person, but the totals are the settlement's; its longer literal path wins over the registry's
 * {@code {idNumber}} in JAX-RS matching. Only delegates.
 */
@ApplicationScoped
@Path("beneficiaries/{idNumber}/accumulators")
@Produces(MediaType.APPLICATION_JSON)
public class AccumulatorResource {

    @Inject
    SettlementService settlements;

    @Inject
    IdNumberDisclosure disclosure;

    @GET
    public JsonObject accumulators(@PathParam("idNumber") String idNumber, @QueryParam("year") String year) {
        int parsedYear;
        try {
            parsedYear = year == null ? LocalDate.now().getYear() : Integer.parseInt(year);
        } catch (NumberFormatException notAYear) {
            throw RefusedException.unprocessable("FIELD_INVALID", "year", "year must be a number such as 2020");
        }
        String normalised = IdNumbers.normalise(idNumber);
        JsonArrayBuilder list = JsonFactories.array();
        for (AccumulatorView view : settlements.accumulators(normalised, parsedYear)) {
            JsonObjectBuilder json = JsonFactories.object()
                    .add("rule", view.rule())
                    .add("fund", view.fund())
                    .add("name", view.fundName())
                    .add("base", view.base())
                    .add("paid", view.paid());
            if (view.cap() == null) {
                json.addNull("cap").addNull("capLeft");
            } else {
                json.add("cap", view.cap()).add("capLeft", view.capLeft());
            }
            if (view.capKey() == null) {
                json.addNull("capKey");
            } else {
                json.add("capKey", view.capKey());
            }
            list.add(json);
        }
        return JsonFactories.object()
                .add("idNumber", disclosure.shown(normalised))
                .add("year", parsedYear)
                .add("accumulators", list)
                .build();
    }
}
