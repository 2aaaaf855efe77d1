package org.yidan.clearing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.clearing.control.ClearingPeriod;
import org.yidan.platform.control.RefusedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The clearing's settings per county and fund, from MicroProfile Config:
 * {@code yidan.clearing.<county>.<FUND>.period} ({@code MONTH}, the default, or {@code QUARTER}) and
 * {@code yidan.clearing.<county>.<FUND>.holdback} (a ratio from 0 to 1, read by {@link ClearingService#holdback}).
 * Checked once at start, so that a typing error stops the deployment with the key named instead of clearing a fund
 * by the wrong period; a value changed later (an environment variable) is refused where it is read.
 */
@ApplicationScoped
public class ClearingConfiguration {

    private static final Pattern KEY = Pattern.compile("yidan\\.clearing\\.[^.]+\\.[^.]+\\.(period|holdback)");

    /** The length of a county's clearing periods for a fund: {@code yidan.clearing.<county>.<FUND>.period}. */
    public static ClearingPeriod.Length periodLength(String county, String fund) {
        String key = "yidan.clearing." + county + "." + fund + ".period";
        Optional<String> text = config().getOptionalValue(key, String.class);
        if (text.isEmpty()) {
            return ClearingPeriod.Length.MONTH;
        }
        try {
            return ClearingPeriod.Length.parse(key, text.get());
        } catch (IllegalArgumentException invalid) {
            throw new RefusedException(503, "CONFIGURATION_INVALID", invalid.getMessage(), List.of());
        }
    }

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        List<String> invalid = invalidKeys();
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("Clearing configuration invalid: " + String.join("; ", invalid));
        }
    }

    /** Each clearing key whose value is not valid, with what it must be. */
    static List<String> invalidKeys() {
        List<String> invalid = new ArrayList<>();
        for (String key : config().getPropertyNames()) {
            if (!KEY.matcher(key).matches()) {
                continue;
            }
            String[] parts = key.split("\\.");
            try {
                if (key.endsWith(".period")) {
                    periodLength(parts[2], parts[3]);
                } else {
                    ClearingService.holdback(parts[2], parts[3]);
                }
            } catch (RefusedException refused) {
                invalid.add(refused.getMessage());
            }
        }
        return invalid;
    }

    private static Config config() {
        return ConfigProvider.getConfig(ClearingConfiguration.class.getClassLoader());
    }
}
