package org.yidan.policy.control;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy configuration is wrong: every problem found, each naming the configuration key to fix. The
 * application must not settle with such a configuration (the readiness check reports it).
 */
public class PolicyConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem: {@code key} is the full configuration key, e.g. {@code yidan.policy.370323.2020.rule.critical.cap}. */
    public record Problem(String key, String message) implements Serializable {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private final List<Problem> problems;

    public PolicyConfigurationException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the policy configuration:\n"
                + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
