package org.culturecard.core.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered list of achievements leading to a completion achievement (usually an {@link Rule.AllOf}
 * of the list), which a person may choose as their goal.
 */
public record Pathway(String id, String name, List<String> achievements, String completion) {

    public Pathway {
        Objects.requireNonNull(id, "id");
        achievements = List.copyOf(achievements);
    }

    /** How far a person who holds {@code earned} has come along this pathway. */
    public Progress progress(Set<String> earned) {
        int done = (int) achievements.stream().filter(earned::contains).count();
        return new Progress(id, name, done, achievements.size(), earned.contains(completion));
    }

    /**
     * "3 of 5 towards Young Curator": {@code done} of the pathway's {@code total} achievements
     * earned, and whether its completion achievement is.
     */
    public record Progress(String pathway, String name, int done, int total, boolean complete) {
    }
}
