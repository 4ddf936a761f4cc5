package org.culturecard.central.web.pages;

import io.javalin.http.Context;
import org.culturecard.central.web.session.Session;
import org.culturecard.central.web.view.Page;

/** What the pages ask of the web's request guard: the frame of this response and who is signed in. */
public interface Frames {

    /** The page frame for this request, titled by the text {@code titleKey}, {@code current} the nav item. */
    Page page(Context ctx, String titleKey, String current);

    /** The signed-in member of staff (the guard has let only signed-in requests through to the pages). */
    Session.Staff staff(Context ctx);
}
