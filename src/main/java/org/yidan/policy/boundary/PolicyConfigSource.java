package org.yidan.policy.boundary;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The county policy profiles shipped in {@code yidan-policies.properties}, as a MicroProfile Config
 * source of ordinal 90: below {@code microprofile-config.properties} (100), environment variables
 * (300) and system properties (400), so an operator overrides any single parameter without
 * rebuilding, e.g. {@code YIDAN_POLICY_370323_2020_RULE_RE_ASSISTANCE_CAP=25000}.
 */
public class PolicyConfigSource implements ConfigSource {

    public static final String RESOURCE = "yidan-policies.properties";
    private static final int ORDINAL = 90;

    private final Map<String, String> properties;

    public PolicyConfigSource() {
        this.properties = load();
    }

    /** Reads the shipped profiles; also used by plain unit tests so they test what ships. */
    public static Map<String, String> load() {
        Properties loaded = new Properties();
        try (InputStream in = PolicyConfigSource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Map.of();
            }
            loaded.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + RESOURCE, unreadable);
        }
        Map<String, String> values = new TreeMap<>();
        loaded.stringPropertyNames().forEach(name -> values.put(name, loaded.getProperty(name)));
        return Map.copyOf(values);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return RESOURCE;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
