package org.culturecard.core.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.culturecard.core.privacy.Token;

/**
 * An award central holds for the person of {@code token} that no kiosk has shown yet (issue 14, item 3), carried in
 * a {@link BatchAck}. {@code names} maps a language tag ({@code en}, {@code cy}, ...) to the achievement's display name;
 * {@code image} is an image reference (a kiosk shows a default badge for one it does not have); {@code progress}, when
 * the person has a goal, is e.g. {@code {"done":3,"of":5,"pathway":"Young Curator"}} as three fields. Never a raw UID.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingAward(Token token, String achievementId, Map<String, String> names, String image,
        Integer progressDone, Integer progressOf, String progressPathway) {
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9._/-]{1,200}$");

    public PendingAward {
        Objects.requireNonNull(token, "token");
        if (achievementId == null || !ID.matcher(achievementId).matches()) {
            throw new IllegalArgumentException("achievementId: must match " + ID.pattern());
        }
        names = names == null ? Map.of() : new TreeMap<>(names);
        names = java.util.Collections.unmodifiableMap(names);
        if (image != null && !IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("image: must match " + IMAGE.pattern());
        }
        if ((progressDone == null) != (progressOf == null) || (progressOf != null && progressPathway == null)) {
            throw new IllegalArgumentException("progress: done, of and pathway come together");
        }
        if (progressOf != null && (progressDone < 0 || progressOf < 1 || progressDone > progressOf)) {
            throw new IllegalArgumentException("progress: 0 <= done <= of, of >= 1");
        }
    }

    /** An award without goal progress. */
    public static PendingAward of(Token token, String achievementId, Map<String, String> names, String image) {
        return new PendingAward(token, achievementId, names, image, null, null, null);
    }

    /** This award with the person's progress towards their goal. */
    public PendingAward withProgress(int done, int of, String pathway) {
        return new PendingAward(token, achievementId, names, image, done, of, pathway);
    }

    /** The display name in {@code language}, else English, else the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("en", achievementId));
    }
}
