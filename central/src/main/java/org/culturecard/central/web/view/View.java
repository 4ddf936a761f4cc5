package org.culturecard.central.web.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the jte templates, compiled to classes at build time by jte-maven-plugin (nothing is
 * compiled at run time), into the response as HTML, escaped for HTML by jte.
 */
public final class View {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (e.g. {@code "report.jte"}) with {@code params} as the response body. */
    public void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.html(out.toString());
    }
}
