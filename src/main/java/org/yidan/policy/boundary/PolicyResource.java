package org.yidan.policy.boundary;

import org.yidan.platform.control.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.yidan.platform.control.RefusedException;
import org.yidan.policy.entity.Policy;
import org.yidan.policy.entity.Rule;
import org.yidan.policy.entity.Segment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/** {@code GET /api/v1/policies/{county}/{year}}: the effective parameters after every override, and the fingerprint. */
@ApplicationScoped
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    Policies policies;

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = JsonFactories.array();
        for (Policy policy : policies.all()) {
            JsonObjectBuilder entry = JsonFactories.object().add("county", policy.county()).add("year", policy.year())
                    .add("countyName", policy.countyName()).add("fingerprint", policy.fingerprint());
            addOrigin(entry, policy);
            list.add(entry);
        }
        return JsonFactories.object().add("policies", list).build();
    }

    @GET
    @Path("{county}/{year}")
    public JsonObject get(@PathParam("county") String county, @PathParam("year") String year) {
        int parsedYear;
        try {
            parsedYear = Integer.parseInt(year);
        } catch (NumberFormatException notAYear) {
            throw RefusedException.notFound("NO_POLICY", "No policy for county " + county + " in " + year);
        }
        Policy policy = policies.find(county, parsedYear).orElseThrow(() ->
                RefusedException.notFound("NO_POLICY", "No policy for county " + county + " in " + year));
        JsonObjectBuilder json = JsonFactories.object(toJson(policy));
        addOrigin(json, policy);
        return json.build();
    }

    /** {@code inheritsFrom}, and for the demo's copy {@code demoCopyOf} with a notice that says so. */
    private void addOrigin(JsonObjectBuilder json, Policy policy) {
        Optional<Policies.Origin> origin = policies.origin(policy.county(), policy.year());
        addNullable(json, "inheritsFrom", origin.map(Policies.Origin::inheritsFrom).orElse(null));
        if (origin.isPresent() && origin.get().demoCopy()) {
            json.add("demoCopyOf", origin.get().inheritsFrom());
            json.add("notice", "DEMO ONLY: a copy of the " + origin.get().inheritsFrom() + " parameters of "
                    + policy.countyName() + " for " + policy.year() + ", not a policy of the county");
        } else {
            json.addNull("demoCopyOf");
        }
    }

    static JsonObject toJson(Policy policy) {
        JsonArrayBuilder funds = JsonFactories.array();
        policy.funds().forEach(fund -> funds.add(JsonFactories.object()
                .add("fund", fund.name()).add("name", fund.displayName())));
        JsonArrayBuilder rules = JsonFactories.array();
        for (Rule rule : policy.rules()) {
            JsonObjectBuilder json = JsonFactories.object()
                    .add("id", rule.id())
                    .add("fund", rule.fund().name())
                    .add("kind", rule.kind().name())
                    .add("base", rule.base().toString())
                    .add("visitTypes", names(rule.visitTypes()))
                    .add("categories", names(rule.categories()))
                    .add("hospitalLevels", names(rule.hospitalLevels()))
                    .add("chronicDiseases", names(rule.chronicDiseases()));
            addNullable(json, "group", rule.group());
            if (!rule.segments().isEmpty()) {
                JsonArrayBuilder segments = JsonFactories.array();
                for (Segment segment : rule.segments()) {
                    JsonObjectBuilder s = JsonFactories.object().add("from", segment.lo());
                    if (segment.hi() == null) {
                        s.addNull("to");
                    } else {
                        s.add("to", segment.hi());
                    }
                    segments.add(s.add("ratio", segment.ratio()));
                }
                json.add("segments", segments);
            }
            addNullable(json, "cap", rule.cap());
            addNullable(json, "capKey", rule.capKey());
            addNullable(json, "targetRatio", rule.targetRatio());
            rules.add(json);
        }
        return JsonFactories.object()
                .add("county", policy.county())
                .add("year", policy.year())
                .add("countyName", policy.countyName())
                .add("fingerprint", policy.fingerprint())
                .add("funds", funds)
                .add("rules", rules)
                .build();
    }

    private static JsonArrayBuilder names(Collection<?> values) {
        JsonArrayBuilder array = JsonFactories.array();
        values.forEach(value -> array.add(value instanceof Enum<?> e ? e.name() : value.toString()));
        return array;
    }

    private static void addNullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Integer number) {
            json.add(name, number);
        } else if (value instanceof BigDecimal number) {
            json.add(name, number);
        } else {
            json.add(name, value.toString());
        }
    }
}
