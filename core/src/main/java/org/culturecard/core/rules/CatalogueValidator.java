package org.culturecard.core.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a catalogue as a whole: ids well formed and unique, counts at least 1, windows that end
 * after they begin, images that are a relative path or an https URL, every all-of, any-of and
 * pathway naming known achievements, and no achievement depending on itself through all-of/any-of.
 * Each error names its field ({@code achievements[3].rule.count: must be >= 1}).
 */
final class CatalogueValidator {

    /** Ids of achievements and pathways: lower case, digits and dashes. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}");

    private CatalogueValidator() {
    }

    /** Every problem of {@code catalogue}; empty when it is valid. */
    public static List<String> errors(Catalogue catalogue) {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<Achievement> achievements = catalogue.achievements();
        for (int i = 0; i < achievements.size(); i++) {
            Achievement a = achievements.get(i);
            String at = "achievements[" + i + "]";
            if (!ID.matcher(a.id()).matches()) {
                errors.add(at + ".id: must be 1 to 64 of [a-z0-9-], starting with a letter or digit");
            } else if (index.putIfAbsent(a.id(), i) != null) {
                errors.add(at + ".id: " + a.id() + " is defined twice");
            }
            checkAchievement(at, a, errors);
        }
        for (int i = 0; i < achievements.size(); i++) {
            checkReferences("achievements[" + i + "].rule", achievements.get(i).rule(), index, errors);
        }
        checkCycles(achievements, index, errors);
        Set<String> pathways = new HashSet<>();
        for (int i = 0; i < catalogue.pathways().size(); i++) {
            Pathway p = catalogue.pathways().get(i);
            String at = "pathways[" + i + "]";
            if (!ID.matcher(p.id()).matches()) {
                errors.add(at + ".id: must be 1 to 64 of [a-z0-9-], starting with a letter or digit");
            } else if (!pathways.add(p.id())) {
                errors.add(at + ".id: " + p.id() + " is defined twice");
            }
            text(at + ".name", p.name(), errors);
            if (p.achievements().isEmpty()) {
                errors.add(at + ".achievements: must name at least one achievement");
            }
            known(at + ".achievements", p.achievements(), index, errors);
            if (p.completion() == null || !index.containsKey(p.completion())) {
                errors.add(at + ".completion: must be the id of a defined achievement");
            } else if (p.achievements().contains(p.completion())) {
                errors.add(at + ".completion: must not be one of the pathway's own achievements");
            }
        }
        return errors;
    }

    private static void checkAchievement(String at, Achievement a, List<String> errors) {
        if (a.version() < 1) {
            errors.add(at + ".version: must be >= 1");
        }
        text(at + ".name", a.name(), errors);
        text(at + ".description", a.description(), errors);
        text(at + ".criteria", a.criteria(), errors);
        text(at + ".issuer", a.issuer(), errors);
        if (!image(a.image())) {
            errors.add(at + ".image: must be a relative path (no ..) or an https URL");
        }
        for (int t = 0; t < a.tags().size(); t++) {
            if (a.tags().get(t) == null || !ID.matcher(a.tags().get(t)).matches()) {
                errors.add(at + ".tags[" + t + "]: must be 1 to 64 of [a-z0-9-]");
            }
        }
        if (a.validFrom() != null && a.validTo() != null && !a.validTo().isAfter(a.validFrom())) {
            errors.add(at + ".validTo: must be after validFrom");
        }
        Rule rule = a.rule();
        int count = rule instanceof Rule.CheckIns r ? r.count() : rule instanceof Rule.DistinctVenues r ? r.count()
                : rule instanceof Rule.Breadth r ? r.count() : rule instanceof Rule.Streak r ? r.count()
                : rule instanceof Rule.AnyOf r ? r.count() : 1;
        if (count < 1) {
            errors.add(at + ".rule.count: must be >= 1");
        }
        if (rule instanceof Rule.AnyOf any && any.count() > any.achievements().size()) {
            errors.add(at + ".rule.count: must be at most the number of achievements in rule.of ("
                    + any.achievements().size() + ")");
        }
    }

    private static void checkReferences(String at, Rule rule, Map<String, Integer> index, List<String> errors) {
        List<String> parts = parts(rule);
        if (parts == null) {
            return;
        }
        if (parts.isEmpty()) {
            errors.add(at + ".of: must name at least one achievement");
        }
        known(at + ".of", parts, index, errors);
    }

    private static void known(String at, List<String> ids, Map<String, Integer> index, List<String> errors) {
        for (int j = 0; j < ids.size(); j++) {
            if (!index.containsKey(ids.get(j))) {
                errors.add(at + "[" + j + "]: unknown achievement " + safe(ids.get(j)));
            }
        }
    }

    /** Depth-first search over all-of/any-of; reports the first achievement of each cycle found. */
    private static void checkCycles(List<Achievement> achievements, Map<String, Integer> index, List<String> errors) {
        int[] state = new int[achievements.size()]; // 0 new, 1 on the path, 2 done
        for (int i = 0; i < achievements.size(); i++) {
            if (state[i] == 0 && cycleFrom(i, achievements, index, state)) {
                errors.add("achievements[" + i + "].rule.of: " + achievements.get(i).id()
                        + " depends on itself through all-of/any-of");
            }
        }
    }

    private static boolean cycleFrom(int i, List<Achievement> achievements, Map<String, Integer> index, int[] state) {
        state[i] = 1;
        List<String> parts = parts(achievements.get(i).rule());
        boolean cycle = false;
        for (String part : parts == null ? List.<String>of() : parts) {
            Integer j = index.get(part);
            if (j != null && (state[j] == 1 || state[j] == 0 && cycleFrom(j, achievements, index, state))) {
                cycle = true;
                break;
            }
        }
        state[i] = 2;
        return cycle;
    }

    private static List<String> parts(Rule rule) {
        if (rule instanceof Rule.AllOf all) {
            return all.achievements();
        }
        return rule instanceof Rule.AnyOf any ? any.achievements() : null;
    }

    private static void text(String at, String value, List<String> errors) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            errors.add(at + ": must be 1 to 2000 characters");
        }
    }

    /** A relative path of safe characters without {@code ..}, or an absolute https URL with a host. */
    static boolean image(String image) {
        if (image == null) {
            return false;
        }
        if (image.startsWith("https://")) {
            try {
                URI uri = new URI(image);
                return uri.getHost() != null && uri.getUserInfo() == null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
        return RELATIVE_PATH.matcher(image).matches() && !image.contains("..") && !image.contains("//");
    }

    /** An id as the error may quote it: cut and stripped of anything but id characters. */
    static String safe(String value) {
        if (value == null) {
            return "null";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9_-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
