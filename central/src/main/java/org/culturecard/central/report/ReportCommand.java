package org.culturecard.central.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.rules.Achievement;
import org.culturecard.core.rules.CatalogueReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code CentralMain report ...}: prints a suppressed engagement report (or with {@code --coverage}, the
 * enrolment coverage by venue) as CSV or JSON, from the
 * database named in central's config. With {@code --linkage}, the council's file is read, used for
 * this one report inside one transaction, and nothing of it is written anywhere. With {@code --awards}, the awards
 * of issue 14 by achievement or venue ({@code --by achievement|venue}), suppressed the same way.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print an engagement report (small numbers suppressed).")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "central's properties file")
    Path config;

    @Option(names = "--by", completionCandidates = Dimensions.class,
            description = "one of ${COMPLETION-CANDIDATES}; an attribute of the young people needs --linkage")
    String by;

    @Option(names = "--coverage", description = "enrolment coverage by venue (people seen, registered, unverified) instead of --by")
    boolean coverage;

    @Option(names = "--awards", description = "awards (issue 14) by achievement or venue: --by achievement|venue")
    boolean awards;

    @Option(names = "--period", defaultValue = "month", description = "week or month (default month)")
    String period;

    @Option(names = "--from", required = true, description = "first day, yyyy-mm-dd (UTC)")
    String from;

    @Option(names = "--to", required = true, description = "day after the last, yyyy-mm-dd (UTC)")
    String to;

    @Option(names = "--unverified", defaultValue = "include",
            description = "include or exclude the taps of cards not validly enrolled that day (default include)")
    String unverified;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default csv)")
    String format;

    @Option(names = "--linkage", description = "council CSV: " + LinkageFile.HEADER)
    Path linkage;

    @Option(names = "--out", description = "write here instead of standard output")
    Path out;

    private final Map<String, String> env;

    /** Every dimension's code, for {@code --by}'s help: central's own first, then the linked ones. */
    static final class Dimensions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> codes = new ArrayList<>(Dimension.codes(false));
            codes.addAll(Dimension.codes(true));
            return codes.iterator();
        }
    }

    public ReportCommand(Map<String, String> env) {
        this.env = env;
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env) {
        return new CommandLine(new ReportCommand(env)).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (awards) {
            return write(awards());
        }
        if ((by == null) == !coverage) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --by or --coverage");
        }
        ReportSpec spec = ReportSpec.parse(coverage ? Dimension.VENUE.code() : by, period, from, to, unverified);
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--format is csv or json");
        }
        CentralConfig settings = CentralConfig.load(config, env);
        String text;
        try (PostgresCheckInStore store = PostgresCheckInStore.open(settings.jdbcUrl(), settings.dbUser(),
                settings.dbPassword(), 2, Clock.systemUTC())) {
            ReportQueries queries = new ReportQueries(store.dataSource());
            if (coverage) {
                CoverageReport report = queries.coverage(spec.from(), spec.to(), null);
                text = "csv".equals(format) ? ReportFormats.csv(report) : ReportFormats.json(report) + "\n";
            } else {
                EngagementReport report = linkage == null ? queries.report(spec) : queries.linkedReport(spec, readLinkage(linkage));
                text = "csv".equals(format) ? ReportFormats.csv(report) : ReportFormats.json(report) + "\n";
            }
        }
        return write(text);
    }

    /** The awards report, the achievements of central's achievements file listed even without awards. */
    private String awards() throws IOException {
        CentralConfig settings = CentralConfig.load(config, env);
        Path file = settings.recognition().achievementsFile();
        List<String> ids = file == null ? List.of() : CatalogueReader.read(Files.readAllBytes(file)).achievements().stream()
                .map(Achievement::id).toList();
        try (PostgresCheckInStore store = PostgresCheckInStore.open(settings.jdbcUrl(), settings.dbUser(),
                settings.dbPassword(), 2, Clock.systemUTC())) {
            AwardsReport report = new AwardsQueries(store.dataSource()).report(by == null ? "achievement" : by, period, from,
                    to, ids);
            return "json".equals(format) ? report.json() + "\n" : report.csv();
        }
    }

    private int write(String text) throws IOException {
        if (out == null) {
            PrintWriter stdout = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            stdout.print(text);
            stdout.flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private static List<LinkageRow> readLinkage(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return LinkageFile.parse(reader);
        }
    }
}
