package org.culturecard.kiosk.ui.fx;

import javafx.scene.Node;

/** Small helpers the views share for building their nodes. */
public final class Nodes {
    private Nodes() {}

    /** {@code node} with {@code styleClass} added: every look comes from the theme, never inline styles. */
    public static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
