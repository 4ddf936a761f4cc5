package org.culturecard.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.LearningLayer;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;

/**
 * Reads a definitions file (JSON: {@code {"achievements": [...], "pathways": [...]}}, see
 * docs/recognition.md) into a {@link Catalogue}, then checks it with {@link CatalogueValidator}.
 * Every problem found is reported at once, each naming its field; values are never echoed but ids,
 * cut and cleaned. Unknown fields are refused, so a misspelt condition cannot silently widen a rule.
 */
public final class CatalogueReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("achievements", "pathways");
    private static final Set<String> ACHIEVEMENT = Set.of("id", "version", "name", "description", "criteria", "image", "tags",
            "alignment", "issuer", "validFrom", "validTo", "rule");
    private static final Set<String> ALIGNMENT = Set.of("takingPartCategory", "learningLayer");
    private static final Set<String> WHERE = Set.of("sector", "activity", "mode", "venue", "event", "learningLayer", "ageBand");
    private static final Set<String> PATHWAY = Set.of("id", "name", "achievements", "completion");
    private static final Map<String, Set<String>> RULE_FIELDS = Map.of(
            "count", Set.of("type", "count", "where"),
            "distinct-venues", Set.of("type", "count", "where"),
            "breadth", Set.of("type", "count", "where"),
            "streak", Set.of("type", "count", "unit", "where"),
            "first-visit", Set.of("type", "sector"),
            "all-of", Set.of("type", "of"),
            "any-of", Set.of("type", "count", "of"));

    private final List<String> errors = new ArrayList<>();

    private CatalogueReader() {
    }

    /** The catalogue in {@code json}; a {@link CatalogueException} listing every problem otherwise. */
    public static Catalogue read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(List.of("(file): not JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new CatalogueException(List.of("(file): cannot be read: " + e.getClass().getSimpleName()));
        }
        CatalogueReader reader = new CatalogueReader();
        Catalogue catalogue = reader.catalogue(root);
        if (reader.errors.isEmpty()) {
            reader.errors.addAll(CatalogueValidator.errors(catalogue));
        }
        if (!reader.errors.isEmpty()) {
            throw new CatalogueException(reader.errors);
        }
        return catalogue;
    }

    private Catalogue catalogue(JsonNode root) {
        if (root == null || !root.isObject()) {
            errors.add("(file): must be a JSON object with achievements and pathways");
            return Catalogue.EMPTY;
        }
        fields("", root, TOP);
        List<Achievement> achievements = list("achievements", root.get("achievements"), this::achievement);
        List<Pathway> pathways = list("pathways", root.get("pathways"), this::pathway);
        return new Catalogue(achievements, pathways);
    }

    @FunctionalInterface
    private interface Item<T> {
        T read(String at, JsonNode node);
    }

    private <T> List<T> list(String at, JsonNode node, Item<T> item) {
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            errors.add(at + ": must be an array");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String here = at + "[" + i + "]";
            if (!node.get(i).isObject()) {
                errors.add(here + ": must be an object");
                continue;
            }
            T value = item.read(here, node.get(i));
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private Achievement achievement(String at, JsonNode node) {
        fields(at + ".", node, ACHIEVEMENT);
        Rule rule = rule(at + ".rule", node.get("rule"));
        String id = text(at + ".id", node, "id", true);
        int version = integer(at + ".version", node.get("version"));
        Achievement.Alignment alignment = alignment(at + ".alignment", node.get("alignment"));
        List<String> tags = strings(at + ".tags", node.get("tags"), false);
        if (rule == null || id == null) {
            return null;
        }
        return new Achievement(id, version, text(at + ".name", node, "name", false),
                text(at + ".description", node, "description", false), text(at + ".criteria", node, "criteria", false),
                text(at + ".image", node, "image", false), tags, alignment, text(at + ".issuer", node, "issuer", false),
                instant(at + ".validFrom", node.get("validFrom")), instant(at + ".validTo", node.get("validTo")), rule);
    }

    private Pathway pathway(String at, JsonNode node) {
        fields(at + ".", node, PATHWAY);
        String id = text(at + ".id", node, "id", true);
        List<String> achievements = strings(at + ".achievements", node.get("achievements"), true);
        String completion = text(at + ".completion", node, "completion", true);
        return id == null ? null : new Pathway(id, text(at + ".name", node, "name", false), achievements, completion);
    }

    private Achievement.Alignment alignment(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return Achievement.Alignment.NONE;
        }
        if (!node.isObject()) {
            errors.add(at + ": must be an object");
            return Achievement.Alignment.NONE;
        }
        fields(at + ".", node, ALIGNMENT);
        String category = text(at + ".takingPartCategory", node, "takingPartCategory", false);
        if (category != null && !takingPartCategory(category)) {
            errors.add(at + ".takingPartCategory: must be a sector code, or arts/ and an arts activity code");
        }
        List<LearningLayer> layer = codes(at + ".learningLayer", node.get("learningLayer"), LearningLayer::fromCode, true);
        return new Achievement.Alignment(category, layer.isEmpty() ? null : layer.get(0));
    }

    private static boolean takingPartCategory(String category) {
        try {
            if (category.startsWith("arts/")) {
                ArtsActivity.fromCode(category.substring(5));
                return true;
            }
            return Sector.fromCode(category) != Sector.ARTS;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Rule rule(String at, JsonNode node) {
        if (node == null || !node.isObject()) {
            errors.add(at + ": must be an object with a type");
            return null;
        }
        String type = node.path("type").asText("");
        Set<String> allowed = RULE_FIELDS.get(type);
        if (allowed == null) {
            errors.add(at + ".type: must be one of " + String.join(", ", new java.util.TreeSet<>(RULE_FIELDS.keySet())));
            return null;
        }
        fields(at + ".", node, allowed);
        int count = allowed.contains("count") ? integer(at + ".count", node.get("count")) : 1;
        VisitFilter where = allowed.contains("where") ? where(at + ".where", node.get("where")) : VisitFilter.ANY;
        switch (type) {
            case "count":
                return new Rule.CheckIns(count, where);
            case "distinct-venues":
                return new Rule.DistinctVenues(count, where);
            case "breadth":
                return new Rule.Breadth(count, where);
            case "streak":
                List<StreakUnit> unit = codes(at + ".unit", node.get("unit"), StreakUnit::fromCode, true);
                if (node.get("unit") == null) {
                    errors.add(at + ".unit: is required: iso-week or month");
                }
                return unit.isEmpty() ? null : new Rule.Streak(count, unit.get(0), where);
            case "first-visit":
                List<Sector> sector = codes(at + ".sector", node.get("sector"), Sector::fromCode, true);
                if (node.get("sector") == null) {
                    errors.add(at + ".sector: is required");
                }
                return sector.isEmpty() ? null : new Rule.FirstVisit(sector.get(0));
            case "all-of":
                return new Rule.AllOf(strings(at + ".of", node.get("of"), true));
            default:
                return new Rule.AnyOf(count, strings(at + ".of", node.get("of"), true));
        }
    }

    private VisitFilter where(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return VisitFilter.ANY;
        }
        if (!node.isObject()) {
            errors.add(at + ": must be an object");
            return VisitFilter.ANY;
        }
        fields(at + ".", node, WHERE);
        Set<UUID> events = new LinkedHashSet<>(codes(at + ".event", node.get("event"), UUID::fromString, false));
        Set<String> venues = new LinkedHashSet<>(codes(at + ".venue", node.get("venue"), v -> {
            if (!CatalogueValidator.ID.matcher(v).matches()) {
                throw new IllegalArgumentException("not a venue id");
            }
            return v;
        }, false));
        return new VisitFilter(set(at + ".sector", node.get("sector"), Sector::fromCode),
                set(at + ".activity", node.get("activity"), ArtsActivity::fromCode),
                set(at + ".mode", node.get("mode"), Mode::fromCode), venues, events,
                set(at + ".learningLayer", node.get("learningLayer"), LearningLayer::fromCode),
                set(at + ".ageBand", node.get("ageBand"), AgeBand::fromCode));
    }

    private <T> Set<T> set(String at, JsonNode node, Function<String, T> parse) {
        return new LinkedHashSet<>(codes(at, node, parse, false));
    }

    /** Codes as a list: one string when {@code single}, otherwise an array of strings. */
    private <T> List<T> codes(String at, JsonNode node, Function<String, T> parse, boolean single) {
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        List<String> values = single ? (node.isTextual() ? List.of(node.asText()) : null) : strings(at, node, false);
        if (values == null) {
            errors.add(at + ": must be a string");
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            try {
                out.add(parse.apply(values.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add((single ? at : at + "[" + i + "]") + ": unknown value " + CatalogueValidator.safe(values.get(i)));
            }
        }
        return out;
    }

    private List<String> strings(String at, JsonNode node, boolean required) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(at + ": is required: an array of strings");
            }
            return out;
        }
        if (!node.isArray()) {
            errors.add(at + ": must be an array of strings");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                out.add(node.get(i).asText());
            } else {
                errors.add(at + "[" + i + "]: must be a string");
            }
        }
        return out;
    }

    private String text(String at, JsonNode parent, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(at + ": is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            errors.add(at + ": must be a string");
            return null;
        }
        return node.asText();
    }

    private int integer(String at, JsonNode node) {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            errors.add(at + ": must be a whole number");
            return 0;
        }
        return node.asInt();
    }

    private Instant instant(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            errors.add(at + ": must be an instant such as 2027-01-01T00:00:00Z");
            return null;
        }
    }

    private void fields(String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.add(prefix + CatalogueValidator.safe(name) + ": unknown field");
            }
        }
    }
}
