package org.culturecard.central.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.culturecard.central.web.pages.Frames;
import org.culturecard.central.web.view.View;

/** A refusal as a page (status, title and one line from the texts), after which no handler runs. */
final class ErrorPages {

    private final View view;
    private final Frames frames;

    ErrorPages(View view, Frames frames) {
        this.view = view;
        this.frames = frames;
    }

    void show(Context ctx, HttpStatus status, String key) {
        ctx.status(status);
        view.render(ctx, "error.jte", Map.of("page", frames.page(ctx, key + ".title", ""), "message", key + ".body"));
        ctx.skipRemainingHandlers();
    }
}
