package org.culturecard.badges;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An Open Badges {@code Alignment}: what framework an achievement lines up with, e.g. a Taking Part
 * category or a Cities of Learning learning layer. {@code targetCode} may be absent.
 */
public record Alignment(String targetName, URI targetUrl, String targetFramework, Optional<String> targetCode) {
    public Alignment {
        AchievementInfo.requireText("alignment targetName", targetName);
        Objects.requireNonNull(targetUrl, "alignment targetUrl");
        AchievementInfo.requireText("alignment targetFramework", targetFramework);
        Objects.requireNonNull(targetCode, "alignment targetCode");
    }
}
