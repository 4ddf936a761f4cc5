package org.culturecard.kiosk.ui.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;

/**
 * Listeners from a view to the long-lived view model that do not keep the view alive: the view is
 * rebuilt when the language changes, and the old one must then be free to go. The listener is held
 * strongly by its view node and only weakly by the view model.
 */
public final class Watch {
    private static final String KEY = "culturecard.listeners";

    private Watch() {}

    public static <T> void value(Node owner, ObservableValue<T> value, ChangeListener<? super T> listener) {
        keep(owner, listener);
        value.addListener(new WeakChangeListener<>(listener));
    }

    public static <T> void list(Node owner, ObservableList<T> list, ListChangeListener<T> listener) {
        keep(owner, listener);
        list.addListener(new WeakListChangeListener<>(listener));
    }

    @SuppressWarnings("unchecked")
    private static void keep(Node owner, Object listener) {
        ((List<Object>) owner.getProperties().computeIfAbsent(KEY, key -> new ArrayList<>())).add(listener);
    }
}
