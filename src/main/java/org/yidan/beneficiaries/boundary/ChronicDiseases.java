package org.yidan.beneficiaries.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.beneficiaries.control.ChronicDiseaseCatalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each county's chronic-disease lists from MicroProfile Config: {@code yidan.chronic.<county>.listed} and
 * {@code .reviewed}, falling back to {@code yidan.chronic.listed} and {@code yidan.chronic.reviewed}. Read on each
 * call, so an operator's change applies without a restart.
 */
@ApplicationScoped
public class ChronicDiseases {

    public ChronicDiseaseCatalog of(String county) {
        Config config = ConfigProvider.getConfig();
        return new ChronicDiseaseCatalog(codes(config, county, "listed"), codes(config, county, "reviewed"));
    }

    private static Set<String> codes(Config config, String county, String list) {
        String text = config.getOptionalValue("yidan.chronic." + county + "." + list, String.class)
                .or(() -> config.getOptionalValue("yidan.chronic." + list, String.class)).orElse("");
        return Arrays.stream(text.split(",")).map(code -> code.strip().toUpperCase(Locale.ROOT))
                .filter(code -> !code.isEmpty() && !code.equals("NONE")).collect(Collectors.toUnmodifiableSet());
    }
}
