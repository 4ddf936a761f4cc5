package org.culturecard.badges;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What a credential says was achieved: the Open Badges {@code Achievement} (id, name, description,
 * criteria narrative, image, tags, alignments). open-badges' own input record: whoever defines
 * achievements maps theirs onto it.
 */
public record AchievementInfo(URI id, String name, String description, String criteriaNarrative, URI image,
                              List<String> tags, List<Alignment> alignments) {
    public AchievementInfo {
        Objects.requireNonNull(id, "achievement id");
        requireText("achievement name", name);
        requireText("achievement description", description);
        requireText("achievement criteriaNarrative", criteriaNarrative);
        Objects.requireNonNull(image, "achievement image");
        tags = List.copyOf(tags);
        tags.forEach(tag -> requireText("achievement tag", tag));
        alignments = List.copyOf(alignments);
    }

    static String requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
