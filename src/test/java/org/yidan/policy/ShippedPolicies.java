package org.yidan.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.yidan.policy.control.PolicyConfigReader;
import org.yidan.policy.entity.Policy;

/** The policies of the shipped {@code yidan-policies.properties}, optionally with overrides, as MP Config would give them. */
public final class ShippedPolicies {

    public static final String RESOURCE = "yidan-policies.properties";

    private static final Map<String, String> SHIPPED = load(RESOURCE);
    private static final List<Policy> POLICIES = read(Map.of());

    private ShippedPolicies() {
    }

    public static Policy yiyuan2020() {
        return find("370323/2020");
    }

    public static Policy huining2018() {
        return find("620422/2018");
    }

    public static Policy linyi2017() {
        return find("371371/2017");
    }

    public static List<Policy> all() {
        return POLICIES;
    }

    /** The shipped file with {@code overrides} on top; an empty override reads as absent, as in MicroProfile Config. */
    public static Function<String, Optional<String>> config(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(SHIPPED);
        values.putAll(overrides);
        return key -> Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
    }

    public static List<Policy> read(Map<String, String> overrides) {
        return PolicyConfigReader.read(config(overrides));
    }

    private static Policy find(String id) {
        return POLICIES.stream().filter(policy -> policy.id().equals(id)).findFirst().orElseThrow();
    }

    /** A properties file of the class path (e.g. a test county's keys to put over the shipped ones), as a map. */
    public static Map<String, String> load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ShippedPolicies.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
