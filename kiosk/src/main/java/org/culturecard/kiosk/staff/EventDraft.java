package org.culturecard.kiosk.staff;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.VenueId;

/**
 * What staff typed into the event editor, before it is an {@link Event}: raw text for the times
 * and capacity, nulls for choices not made. {@link #check} turns it into an event or into the
 * message keys of everything wrong with it, all at once, so the editor can show every problem.
 *
 * @param id null for a new event; the event's id when editing one
 */
public record EventDraft(UUID id, String title, Sector sector, ArtsActivity activity, Mode mode, LocalDate day,
                         String startTime, String endTime, AgeBand ageBand, String capacity) {

    /** The outcome of checking a draft. */
    public sealed interface Check {
        record Valid(Event event) implements Check {}

        record Invalid(List<String> errorKeys) implements Check {
            public Invalid {
                errorKeys = List.copyOf(errorKeys);
            }
        }
    }

    /** A new event today from {@code start} to {@code end}, with nothing else chosen. */
    public static EventDraft blank(LocalDate day, LocalTime start, LocalTime end) {
        return new EventDraft(null, "", null, null, Mode.TAKE_PART, day, start.toString(), end.toString(),
                AgeBand.ALL, "");
    }

    /** The draft of an existing event, for editing it. */
    public static EventDraft of(Event event, ZoneId zone) {
        var start = event.startsAt().atZone(zone);
        var end = event.endsAt().atZone(zone);
        return new EventDraft(event.id(), event.title(), event.category().sector(), event.category().activity(),
                event.category().mode(), start.toLocalDate(), start.toLocalTime().toString(),
                end.toLocalTime().toString(), event.ageBand(),
                event.capacity() == null ? "" : event.capacity().toString());
    }

    /** Checks every field; the event's times are local to {@code zone} (an end before the start is an error). */
    public Check check(VenueId venue, ZoneId zone, Supplier<UUID> ids) {
        List<String> errors = new ArrayList<>();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > Event.MAX_TITLE) {
            errors.add("editor.error.title");
        }
        if (sector == null) {
            errors.add("editor.error.sector");
        } else if (sector == Sector.ARTS && activity == null) {
            errors.add("editor.error.activity");
        }
        if (mode == null) {
            errors.add("editor.error.mode");
        }
        if (ageBand == null) {
            errors.add("editor.error.ageBand");
        }
        if (day == null) {
            errors.add("editor.error.day");
        }
        LocalTime start = time(startTime, "editor.error.start", errors);
        LocalTime end = time(endTime, "editor.error.end", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("editor.error.order");
        }
        Integer places = capacity(errors);
        if (!errors.isEmpty()) {
            return new Check.Invalid(errors);
        }
        Category category = new Category(sector, sector == Sector.ARTS ? activity : null, mode);
        return new Check.Valid(new Event(id == null ? ids.get() : id, venue, cleanTitle, category, ageBand, null,
                day.atTime(start).atZone(zone).toInstant(), day.atTime(end).atZone(zone).toInstant(), places));
    }

    private static LocalTime time(String text, String errorKey, List<String> errors) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            errors.add(errorKey);
            return null;
        }
    }

    private Integer capacity(List<String> errors) {
        String text = capacity == null ? "" : capacity.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) == 0) {
            errors.add("editor.error.capacity");
            return null;
        }
        return Integer.parseInt(text);
    }
}
