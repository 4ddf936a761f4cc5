package org.culturecard.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The achievements and pathways in force, in file order; valid when built by {@link CatalogueReader}. */
public record Catalogue(List<Achievement> achievements, List<Pathway> pathways) {

    /** No achievements: recognition off. */
    public static final Catalogue EMPTY = new Catalogue(List.of(), List.of());

    public Catalogue {
        achievements = List.copyOf(achievements);
        pathways = List.copyOf(pathways);
    }

    /** The achievements by id. */
    public Map<String, Achievement> byId() {
        Map<String, Achievement> byId = new LinkedHashMap<>();
        achievements.forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    /** The achievement with this id. */
    public Optional<Achievement> achievement(String id) {
        return achievements.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The pathway with this id. */
    public Optional<Pathway> pathway(String id) {
        return pathways.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
