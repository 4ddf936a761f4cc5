package org.culturecard.central.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.culturecard.central.report.CoverageReport;
import org.culturecard.central.report.Dimension;
import org.culturecard.central.report.EngagementReport;
import org.culturecard.central.report.ReportFormats;
import org.culturecard.central.report.ReportQueries;
import org.culturecard.central.report.ReportSpec;
import org.culturecard.central.report.Suppression;
import org.culturecard.central.store.CheckInQueries;
import org.culturecard.central.store.KioskRow;
import org.culturecard.central.web.session.Session;
import org.culturecard.central.web.view.Page;
import org.culturecard.central.web.view.View;

/**
 * The staff pages' handlers. Reports and coverage come from {@link ReportQueries} exactly as the
 * API's do (same spec parsing, same suppression, a venue manager's scope its venues); the fleet is
 * {@link CheckInQueries#kiosks()} narrowed to the venues the signed-in member may see. Who may
 * open which page is {@link PageAccess}'s, checked by the guard before these run.
 */
public final class AdminPages {

    private static final int DEAD_LETTERS = 100;
    private static final int AUDIT_ROWS = 200;

    private final View view;
    private final Frames frames;
    private final ReportQueries reports;
    private final CheckInQueries queries;
    private final AuditLog audit;

    public AdminPages(View view, Frames frames, ReportQueries reports, CheckInQueries queries, AuditLog audit) {
        this.view = view;
        this.frames = frames;
        this.reports = reports;
        this.queries = queries;
        this.audit = audit;
    }

    /** Adds the pages' routes. */
    public void register(RoutesConfig routes) {
        routes.get(PageAccess.HOME, this::home);
        routes.get(PageAccess.ENGAGEMENT, this::engagement);
        routes.get(PageAccess.ENGAGEMENT_CSV, this::engagementCsv);
        routes.get(PageAccess.COVERAGE, this::coverage);
        routes.get(PageAccess.COVERAGE_CSV, this::coverageCsv);
        routes.get(PageAccess.FLEET, this::fleet);
        routes.get(PageAccess.DEAD_LETTERS, this::deadLetters);
        routes.get(PageAccess.AUDIT, this::audit);
    }

    private void home(Context ctx) {
        render(ctx, "home.jte", frames.page(ctx, "home.title", PageAccess.HOME), Map.of());
    }

    private void engagement(Context ctx) {
        Page page = frames.page(ctx, "report.title", PageAccess.ENGAGEMENT);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("form", ReportForm.of(ctx.queryParam("by"), ctx.queryParam("period"), ctx.queryParam("from"),
                ctx.queryParam("to")));
        params.put("dimensions", Dimension.codes(false));
        params.put("table", null);
        params.put("error", null);
        params.put("threshold", Suppression.THRESHOLD);
        if (ctx.queryParam("by") != null) {
            try {
                EngagementReport report = reports.report(spec(ctx), scope(ctx));
                params.put("table", ReportTable.of(report));
            } catch (IllegalArgumentException e) {
                ctx.status(400);
                params.put("error", e.getMessage());
            }
        }
        render(ctx, "engagement.jte", page, params);
    }

    private void engagementCsv(Context ctx) {
        EngagementReport report = reports.report(spec(ctx), scope(ctx));
        csv(ctx, "engagement-" + report.by() + "-" + report.from() + "-" + report.to() + ".csv", ReportFormats.csv(report));
    }

    private void coverage(Context ctx) {
        Page page = frames.page(ctx, "coverage.title", PageAccess.COVERAGE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("form", ReportForm.of(null, null, ctx.queryParam("from"), ctx.queryParam("to")));
        params.put("report", null);
        params.put("error", null);
        params.put("threshold", Suppression.THRESHOLD);
        if (ctx.queryParam("from") != null) {
            try {
                params.put("report", reports.coverage(day(ctx, "from"), day(ctx, "to"), scope(ctx)));
            } catch (IllegalArgumentException e) {
                ctx.status(400);
                params.put("error", e.getMessage());
            }
        }
        render(ctx, "coverage.jte", page, params);
    }

    private void coverageCsv(Context ctx) {
        CoverageReport report = reports.coverage(day(ctx, "from"), day(ctx, "to"), scope(ctx));
        csv(ctx, "coverage-" + report.from() + "-" + report.to() + ".csv", ReportFormats.csv(report));
    }

    private void fleet(Context ctx) {
        Session.Staff staff = frames.staff(ctx);
        List<KioskRow> kiosks = queries.kiosks().stream().filter(k -> staff.sees(k.venueId()))
                .sorted(Comparator.comparing(KioskRow::venueId).thenComparing(KioskRow::kioskId)).toList();
        render(ctx, "fleet.jte", frames.page(ctx, "fleet.title", PageAccess.FLEET), Map.of("kiosks", kiosks));
    }

    private void deadLetters(Context ctx) {
        render(ctx, "deadletters.jte", frames.page(ctx, "deadLetters.title", PageAccess.DEAD_LETTERS),
                Map.of("letters", queries.recentDeadLetters(DEAD_LETTERS)));
    }

    private void audit(Context ctx) {
        render(ctx, "audit.jte", frames.page(ctx, "audit.title", PageAccess.AUDIT), Map.of("entries", audit.newest(AUDIT_ROWS)));
    }

    private void render(Context ctx, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("page", page);
        view.render(ctx, template, all);
    }

    private static void csv(Context ctx, String filename, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.contentType("text/csv; charset=utf-8").result(body);
    }

    private Set<String> scope(Context ctx) {
        return frames.staff(ctx).scope();
    }

    private static ReportSpec spec(Context ctx) {
        return ReportSpec.parse(ctx.queryParam("by"), ctx.queryParam("period"), ctx.queryParam("from"), ctx.queryParam("to"),
                null);
    }

    private static LocalDate day(Context ctx, String name) {
        String value = ctx.queryParam(name);
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is a day, yyyy-mm-dd", e);
        }
    }
}
