package org.yidan.policy.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.platform.control.RefusedException;
import org.yidan.platform.control.Texts;

/**
 * The funds a deployment settles into: the six standard ones and every fund declared in the configuration with
 * {@code yidan.funds.<CODE>.name=<Chinese name>} (e.g. {@code yidan.funds.FAMILY_PLANNING.name=计生补助}). A county
 * names the ones it uses, in its own order, in its policy ({@code yidan.policy.<county>.<year>.funds}). The one
 * place where a fund code from outside (JSON, configuration, the database) becomes a {@link Fund}. Immutable.
 */
public final class DeclaredFunds {

    /** Stable code of {@link RefusedException} for a fund no one declared (as for any unknown value). */
    public static final String UNKNOWN_VALUE = EnumParsing.UNKNOWN_VALUE;
    public static final String PREFIX = "yidan.funds.";
    public static final String NAME_SUFFIX = ".name";
    private static final String ENVIRONMENT_PREFIX = "YIDAN_FUNDS_";
    private static final String ENVIRONMENT_NAME_SUFFIX = "_NAME";

    private static final Logger LOG = Logger.getLogger(DeclaredFunds.class.getName());
    private static final DeclaredFunds STANDARD = new DeclaredFunds(Fund.standard());

    /** By code, in display order. */
    private final Map<String, Fund> byCode = new java.util.LinkedHashMap<>();

    private DeclaredFunds(List<Fund> funds) {
        funds.stream().sorted().forEach(fund -> byCode.put(fund.code(), fund));
    }

    /** A configuration key that declares a fund is wrong; the message names the key. */
    public static final class InvalidDeclaration extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        InvalidDeclaration(String key, String message) {
            super(key + ": " + message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Only the six standard funds. */
    public static DeclaredFunds standard() {
        return STANDARD;
    }

    /**
     * The standard funds and every {@code yidan.funds.<CODE>.name} (or environment variable
     * {@code YIDAN_FUNDS_<CODE>_NAME}) among {@code propertyNames}; a name given to a standard code renames it.
     *
     * @param config a key's value (an empty value reads as absent, as in MicroProfile Config)
     * @throws InvalidDeclaration naming the first key whose code is not of the {@link Fund#CODE} format or whose
     *                            name is empty
     */
    public static DeclaredFunds read(Iterable<String> propertyNames, Function<String, Optional<String>> config) {
        Map<String, Fund> funds = new TreeMap<>();
        Fund.standard().forEach(fund -> funds.put(fund.code(), fund));
        for (String key : propertyNames) {
            String code;
            if (key.startsWith(PREFIX) && key.endsWith(NAME_SUFFIX)
                    && key.length() > PREFIX.length() + NAME_SUFFIX.length()) {
                code = key.substring(PREFIX.length(), key.length() - NAME_SUFFIX.length());
            } else if (key.startsWith(ENVIRONMENT_PREFIX) && key.endsWith(ENVIRONMENT_NAME_SUFFIX)
                    && key.length() > ENVIRONMENT_PREFIX.length() + ENVIRONMENT_NAME_SUFFIX.length()) {
                // YIDAN_FUNDS_FAMILY_PLANNING_NAME: MicroProfile Config lists an environment variable under its own
                // name and finds it again under yidan.funds.FAMILY_PLANNING.name
                code = key.substring(ENVIRONMENT_PREFIX.length(), key.length() - ENVIRONMENT_NAME_SUFFIX.length());
            } else {
                continue;
            }
            if (!Fund.CODE.matcher(code).matches()) {
                throw new InvalidDeclaration(key, "the fund code '" + code + "' must be upper-case letters, digits "
                        + "and underscores, starting with a letter, at most 32 characters (e.g. FAMILY_PLANNING)");
            }
            funds.put(code, declared(code, config).orElseThrow(
                    () -> new InvalidDeclaration(key, "the fund " + code + " needs a name, e.g. 计生补助")));
        }
        return new DeclaredFunds(new ArrayList<>(funds.values()));
    }

    /**
     * The fund under {@code code} as {@code config} declares it: a standard fund (renamed when
     * {@code yidan.funds.<CODE>.name} is set) or one declared there; empty for any other code. For readers that see
     * the configuration one key at a time (the policy reader).
     */
    public static Optional<Fund> declared(String code, Function<String, Optional<String>> config) {
        if (code == null || !Fund.CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Optional<String> name = config.apply(PREFIX + code + NAME_SUFFIX).map(String::strip)
                .filter(text -> !text.isEmpty());
        return name.map(text -> Fund.of(code, text)).or(() -> Fund.standard(code));
    }

    /** Every declared fund, in display order. */
    public List<Fund> all() {
        return List.copyOf(byCode.values());
    }

    /** The declared fund under exactly {@code code}, e.g. one stored in the database. */
    public Optional<Fund> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /**
     * The fund of a stored code: the declared one, or, when the fund is no longer declared, one named by its code
     * (what was written stays readable after the configuration changed).
     */
    public Fund stored(String code) {
        return find(code).orElseGet(() -> Fund.of(code, code));
    }

    /**
     * The Chinese name of a stored code; the code itself when the fund is no longer declared (a receipt or a ledger
     * written before the configuration changed still shows what it paid).
     */
    public String displayName(String code) {
        return find(code).map(Fund::displayName).orElse(code);
    }

    /**
     * Reads a value sent by a client or written in the configuration: case-insensitive, surrounding blanks ignored.
     *
     * @throws RefusedException 422 {@code UNKNOWN_VALUE} naming {@code field} and the declared codes
     */
    public Fund parse(String field, String value) {
        Optional<Fund> fund = value == null ? Optional.empty() : find(value.trim().toUpperCase(Locale.ROOT));
        return fund.orElseThrow(() -> RefusedException.unprocessable(UNKNOWN_VALUE, field,
                "Unknown value " + Texts.quote(value) + " for " + field + "; expected one of "
                        + byCode.keySet().stream().collect(Collectors.joining(", "))));
    }

    // The deployment's funds, read once from MicroProfile Config on first use.

    private static volatile DeclaredFunds current;
    private static volatile String currentProblem;

    /**
     * The funds this deployment declares, read once from MicroProfile Config. Where no MicroProfile Config is
     * running (unit tests), the standard six. An invalid declaration leaves the standard six and a {@link #problem()}
     * (the policies then refuse to settle and the readiness check names the key).
     */
    public static DeclaredFunds current() {
        DeclaredFunds funds = current;
        if (funds == null) {
            synchronized (DeclaredFunds.class) {
                funds = current;
                if (funds == null) {
                    funds = readConfiguration();
                    current = funds;
                }
            }
        }
        return funds;
    }

    /** Why the fund declarations of this deployment's configuration are unusable, or empty when they are fine. */
    public static Optional<String> problem() {
        current();
        return Optional.ofNullable(currentProblem);
    }

    private static DeclaredFunds readConfiguration() {
        Config config;
        try {
            config = ConfigProvider.getConfig(DeclaredFunds.class.getClassLoader());
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError noConfig) {
            return STANDARD;
        }
        try {
            DeclaredFunds funds = read(config.getPropertyNames(), key -> config.getOptionalValue(key, String.class));
            LOG.info(() -> "Funds: " + funds.all().stream().map(fund -> fund.code() + " " + fund.displayName())
                    .collect(Collectors.joining(", ")));
            return funds;
        } catch (InvalidDeclaration invalid) {
            currentProblem = invalid.getMessage();
            LOG.severe("A fund declaration is invalid; settlement is disabled: " + currentProblem);
            return STANDARD;
        }
    }
}
