package org.culturecard.central.badges;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.culturecard.badges.AchievementInfo;
import org.culturecard.badges.Alignment;
import org.culturecard.core.rules.Achievement;

/**
 * Maps the partnership's achievements (the AchievementBook's) onto open-badges' {@link AchievementInfo}:
 * the achievement's id is its public URL {@code <public url>/badges/achievements/<id>}, a relative image
 * path is served under {@code <public url>/badges/images/}, and its Taking Part category and learning
 * layer become alignments.
 */
final class AchievementDocuments {
    static final URI TAKING_PART = URI.create("https://www.gov.uk/government/collections/taking-part");
    static final URI CITIES_OF_LEARNING = URI.create("https://citiesoflearning.uk/");

    private final String publicUrl;

    /** @param publicUrl central's public URL, without a trailing slash */
    AchievementDocuments(URI publicUrl) {
        String text = publicUrl.toString();
        this.publicUrl = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The achievement's public id. */
    URI id(String achievementId) {
        return URI.create(publicUrl + "/badges/achievements/" + achievementId);
    }

    AchievementInfo info(Achievement achievement) {
        List<Alignment> alignments = new ArrayList<>();
        Achievement.Alignment alignment = achievement.alignment();
        if (alignment.takingPartCategory() != null) {
            alignments.add(new Alignment(alignment.takingPartCategory(), TAKING_PART, "Taking Part",
                    Optional.of(alignment.takingPartCategory())));
        }
        if (alignment.learningLayer() != null) {
            String layer = alignment.learningLayer().code();
            alignments.add(new Alignment(layer, CITIES_OF_LEARNING, "Cities of Learning learning layer", Optional.of(layer)));
        }
        return new AchievementInfo(id(achievement.id()), achievement.name(), orName(achievement.description(), achievement),
                orName(achievement.criteria(), achievement), image(achievement.image()), achievement.tags(), alignments);
    }

    private URI image(String image) {
        if (image == null || image.isBlank()) {
            return URI.create(publicUrl + "/badges/images/badge.png");
        }
        return image.startsWith("https://") ? URI.create(image) : URI.create(publicUrl + "/badges/images/" + image);
    }

    private static String orName(String text, Achievement achievement) {
        return text == null || text.isBlank() ? achievement.name() : text;
    }
}
