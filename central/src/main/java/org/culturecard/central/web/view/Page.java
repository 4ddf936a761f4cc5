package org.culturecard.central.web.view;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.central.web.session.Session;

/**
 * The frame of every page: its title, the texts, the script nonce of this response, who is signed
 * in (if anyone), the session's CSRF token for forms, and the navigation that role may follow.
 */
public record Page(String title, Texts texts, String nonce, Optional<Session.Staff> staff, String csrf, List<Link> nav,
        String current) {

    /** One item of the navigation. */
    public record Link(String href, String label) {
    }

    public Page {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(nonce, "nonce");
        nav = List.copyOf(nav);
    }

    /** Shorthand for the templates. */
    public String t(String key, Object... args) {
        return texts.get(key, args);
    }

    /** True for the navigation item of this page. */
    public boolean isCurrent(Link link) {
        return link.href().equals(current);
    }
}
