package org.culturecard.core.rules;

import java.util.List;

/**
 * A definitions file that cannot be used: every problem found, each naming its field, e.g.
 * {@code achievements[3].rule.count: must be >= 1}.
 */
public final class CatalogueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public CatalogueException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, one per field. */
    public List<String> errors() {
        return errors;
    }
}
