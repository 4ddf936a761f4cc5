package org.culturecard.central.report;

import java.util.List;

/**
 * The published figures of one cell. A {@code null} figure is suppressed, and its name is in
 * {@code suppressed}; {@code repeatRate} is the share of people with 2+ check-ins, {@code breadthMean}
 * the mean number of distinct Taking Part categories per person.
 */
public record Figures(String period, Long checkIns, Long people, Double repeatRate, Double breadthMean,
        List<String> suppressed) {
    public Figures {
        suppressed = List.copyOf(suppressed);
    }
}
