package org.culturecard.sync.venue;

import org.culturecard.core.event.Event;

/**
 * An event staff made or changed on the kiosk, as read for sending up.
 *
 * @param closed    staff closed it on the kiosk
 * @param updatedAt the row's {@code updated_at}, so marking it published can tell whether it changed since
 */
public record KioskEvent(Event event, boolean closed, String updatedAt) {}
