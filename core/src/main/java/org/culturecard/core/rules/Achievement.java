package org.culturecard.core.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An achievement as the partnership defines it (issue 14, item 1): what it is called and looks
 * like, what it aligns to, who issues it, when it may be earned ({@code validFrom} inclusive,
 * {@code validTo} exclusive, each null for open), and its {@link Rule}. Checked as a whole by
 * {@link CatalogueValidator}.
 *
 * @param image a path relative to the definitions (no {@code ..}) or an https URL
 */
public record Achievement(String id, int version, String name, String description, String criteria, String image,
        List<String> tags, Alignment alignment, String issuer, Instant validFrom, Instant validTo, Rule rule) {

    public Achievement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        tags = List.copyOf(tags);
        alignment = alignment == null ? Alignment.NONE : alignment;
    }

    /** True when a visit at {@code moment} may count towards this achievement. */
    public boolean openAt(Instant moment) {
        return (validFrom == null || !moment.isBefore(validFrom)) && (validTo == null || moment.isBefore(validTo));
    }

    /**
     * What the achievement aligns to: a Taking Part category ({@link Visit#category()}'s form, e.g.
     * {@code museums-galleries} or {@code arts/music}) and a Cities of Learning learning layer, each
     * optional.
     */
    public record Alignment(String takingPartCategory, org.culturecard.core.event.LearningLayer learningLayer) {
        public static final Alignment NONE = new Alignment(null, null);
    }
}
