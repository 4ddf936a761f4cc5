package org.culturecard.central;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.culturecard.central.api.ApiAudit;
import org.culturecard.central.api.CentralApi;
import org.culturecard.central.badges.BadgeRoutes;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.IngestLimits;
import org.culturecard.central.deadletter.DeadLetterCounts;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.deadletter.JunkQuota;
import org.culturecard.central.fleet.FleetListener;
import org.culturecard.central.fleet.VenueConfigPublisher;
import org.culturecard.central.identity.EnrolmentValidator;
import org.culturecard.central.identity.EnrolmentWorker;
import org.culturecard.central.identity.FilterPublisher;
import org.culturecard.central.identity.PostgresUnregisteredCards;
import org.culturecard.central.identity.UnregisteredCardsSetting;
import org.culturecard.central.ingest.BatchValidator;
import org.culturecard.central.ingest.CachedRegistry;
import org.culturecard.central.ingest.IngestStats;
import org.culturecard.central.ingest.IngestWorker;
import org.culturecard.central.ingest.VenueBinding;
import org.culturecard.central.metrics.PrometheusMetrics;
import org.culturecard.central.recognition.AchievementBook;
import org.culturecard.central.recognition.PendingAwardRows;
import org.culturecard.central.recognition.Recognition;
import org.culturecard.central.report.ReportQueries;
import org.culturecard.central.report.RollupRefresher;
import org.culturecard.central.report.RollupSchedule;
import org.culturecard.central.retention.RetentionJob;
import org.culturecard.central.schedule.Periodic;
import org.culturecard.central.shown.AwardsShownWorker;
import org.culturecard.central.shown.ShownAwardRows;
import org.culturecard.central.store.HeldCheckIns;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.central.store.PostgresEnrolledTokens;
import org.culturecard.central.staff.PostgresVenueStaff;
import org.culturecard.central.staff.StaffRecords;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.central.store.PostgresIdentityStore;
import org.culturecard.central.store.RetentionTables;
import org.culturecard.central.web.Web;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.MqttLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the central service: the one place where the store, the ingest workers,
 * the fleet listener, the config publisher and the HTTP API are built and wired by hand. Start
 * order is store (with migrations), config publisher, API, fleet listener, workers; close order is
 * the reverse, so nothing is acknowledged after the database is gone.
 */
public final class Central implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Central.class);
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(10);
    private static final Duration REGISTRY_TTL = Duration.ofSeconds(30);

    private final CentralConfig config;
    private final PostgresCheckInStore store;
    private final List<IngestWorker> workers;
    private final CentralApi api;
    private final MqttLink fleetLink;
    private final MqttLink configLink;
    private final AutoCloseable rollupSchedule;

    private Central(CentralConfig config, PostgresCheckInStore store, List<IngestWorker> workers, CentralApi api,
            MqttLink fleetLink, MqttLink configLink, AutoCloseable rollupSchedule) {
        this.config = config;
        this.store = store;
        this.workers = workers;
        this.api = api;
        this.fleetLink = fleetLink;
        this.configLink = configLink;
        this.rollupSchedule = rollupSchedule;
    }

    /**
     * Starts everything and waits (up to 10 s) for the workers to subscribe; if the broker is not
     * reachable yet, the workers keep trying in the background.
     */
    public static Central start(CentralConfig config, Clock clock) {
        LOG.info("starting central: {}", config.describe());
        BrokerEndpoint broker = broker(config);
        PostgresCheckInStore store = PostgresCheckInStore.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(),
                2 * config.workers() + 4, clock);
        List<IngestWorker> workers = new ArrayList<>();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            WireCodec codec = new WireCodec();
            PostgresFleetStore fleet = new PostgresFleetStore(store.dataSource());
            MqttLink configLink = new MqttLink(broker, config.clientIdPrefix() + "-config", Map.of(), (t, m) -> { })
                    .start();
            started.add(configLink);
            PostgresVenueStaff staff = new PostgresVenueStaff(store.dataSource());
            PostgresUnregisteredCards unregistered = new PostgresUnregisteredCards(store.dataSource());
            VenueConfigPublisher configs = new VenueConfigPublisher(fleet, configLink, codec, clock, staff::snapshot,
                    unregistered::setting);
            UuidV7 ids = new UuidV7(clock, new SecureRandom());
            AtomicReference<PrometheusMetrics> metrics = new AtomicReference<>();
            CachedRegistry registry = new CachedRegistry(store::registeredVenue, Clock.systemUTC(), REGISTRY_TTL);
            CentralApi.KioskRegistrar registrar = (kiosk, venue, fingerprint) -> {
                store.registerKiosk(kiosk, venue, fingerprint);
                registry.forget(kiosk);
            };
            ApiAudit audit = new ApiAudit(store.dataSource());
            ReportQueries reports = new ReportQueries(store.dataSource());
            Web web = new Web(store.dataSource(), reports, store, audit::record, clock, Web.Settings.of(config.httpTls().enabled()));
            Recognition recognition = new Recognition(store.dataSource(),
                    AchievementBook.load(config.recognition().achievementsFile()), clock);
            CentralApi api = CentralApi.start(config.httpHost(), config.httpPort(), config.httpTls(), config.apiTokens(),
                    new CentralApi.Backends(store, reports, fleet, configs,
                            () -> metrics.get() == null ? "" : metrics.get().scrape(), ids,
                            new StaffRecords(staff, configs::publish, clock, ids), registrar, audit,
                            UnregisteredCardsSetting.over(unregistered, configs::publish, clock), web, recognition,
                            BadgeRoutes.open(config.badges(), store.dataSource(), recognition, clock)));
            started.add(api);
            IngestLimits limits = config.limits();
            DeadLetters deadLetters = new DeadLetters(store, new JunkQuota(clock, limits.junkPerKioskHour()),
                    new DeadLetterCounts(), limits.junkBytes());
            HeldCheckIns held = new HeldCheckIns(store.dataSource());
            FleetListener listener = new FleetListener(fleet, held, deadLetters, new VenueBinding(registry), configs, codec);
            MqttLink fleetLink = new MqttLink(broker, config.clientIdPrefix() + "-fleet",
                    Map.of(Topics.ALL_STATUS, 1, FleetListener.ALL_EVENTS, 1), listener::handle).start();
            started.add(fleetLink);
            BatchValidator validator = new BatchValidator(codec, clock, registry);
            PostgresEnrolledTokens enrolled = new PostgresEnrolledTokens(store.dataSource());
            FilterPublisher filter = new FilterPublisher(enrolled, (topic, payload) -> configLink.publish(topic, payload, 1, true),
                    codec, clock);
            AutoCloseable filterSchedule = config.filterPublishSeconds() == 0 ? () -> { }
                    : Periodic.start("enrolled-filter", "enrolled-card filter publisher", filter, Duration.ofSeconds(1),
                            Duration.ofSeconds(config.filterPublishSeconds()));
            started.add(filterSchedule);
            started.add(enrolled);
            EnrolmentWorker enrolments = new EnrolmentWorker(broker, config.clientIdPrefix() + "-enrolments",
                    new EnrolmentValidator(codec, new VenueBinding(registry)), new PostgresIdentityStore(store.dataSource()),
                    deadLetters, codec, clock, filter::changed).start();
            started.add(enrolments);
            started.add(new AwardsShownWorker(broker, config.clientIdPrefix() + "-awards-shown", new VenueBinding(registry),
                    new ShownAwardRows(store.dataSource()), deadLetters, codec, clock).start());
            for (int i = 1; i <= config.workers(); i++) {
                String clientId = config.clientIdPrefix() + "-ingest-" + i;
                workers.add(new IngestWorker(broker, clientId, store, validator, deadLetters, codec, clock,
                        new PendingAwardRows(store.dataSource(), recognition.book())).start());
            }
            RetentionJob retention = new RetentionJob(held, new RetentionTables(store.dataSource()), limits, clock);
            AutoCloseable retentionSchedule = limits.retentionIntervalMinutes() == 0 ? () -> { }
                    : Periodic.start("retention", "retention job", retention, Duration.ofMinutes(limits.retentionIntervalMinutes()));
            started.add(retentionSchedule);
            metrics.set(new PrometheusMetrics(workers, fleet, new TrustFigures(deadLetters.counts(), retention), clock));
            AutoCloseable rollupSchedule = config.reportRefreshSeconds() == 0 ? () -> { }
                    : RollupSchedule.start(new RollupRefresher(store.dataSource()), Duration.ofSeconds(config.reportRefreshSeconds()));
            started.add(rollupSchedule);
            AutoCloseable recognitionSchedule = config.recognition().evaluateSeconds() == 0 ? () -> { }
                    : Periodic.start("recognition", "recognition evaluator", recognition::evaluateDirty,
                            Duration.ofSeconds(config.recognition().evaluateSeconds()));
            started.add(recognitionSchedule);
            awaitSubscribed(workers);
            awaitSubscribed(enrolments);
            AutoCloseable schedules = () -> {
                enrolments.close();
                filterSchedule.close();
                enrolled.close();
                retentionSchedule.close();
                rollupSchedule.close();
                recognitionSchedule.close();
            };
            return new Central(config, store, List.copyOf(workers), api, fleetLink, configLink, schedules);
        } catch (RuntimeException e) {
            workers.forEach(IngestWorker::close);
            for (AutoCloseable closeable : started) {
                try {
                    closeable.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            store.close();
            throw e;
        }
    }

    /** The broker as the config describes it; unreadable or mismatched PEM files fail here, at start-up. */
    private static BrokerEndpoint broker(CentralConfig config) {
        CentralConfig.BrokerTls tls = config.brokerTls();
        return tls.enabled() ? BrokerEndpoint.tls(config.brokerUri(), tls.caCert(), tls.clientCert(), tls.clientKey())
                : BrokerEndpoint.plain(config.brokerUri());
    }

    private static void awaitSubscribed(List<IngestWorker> workers) {
        try {
            for (IngestWorker worker : workers) {
                if (!worker.awaitSubscribed(SUBSCRIBE_WAIT)) {
                    LOG.warn("ingest worker {} is not subscribed yet; it keeps retrying", worker.clientId());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSubscribed(EnrolmentWorker enrolments) {
        try {
            if (!enrolments.awaitSubscribed(SUBSCRIBE_WAIT)) {
                LOG.warn("the enrolment worker is not subscribed yet; it keeps retrying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code http://host:port} or {@code https://host:port}, where the API listens. */
    public String httpUrl() {
        String host = config.httpHost().contains(":") && !config.httpHost().startsWith("[") ? "[" + config.httpHost() + "]"
                : config.httpHost();
        return (config.httpTls().enabled() ? "https://" : "http://") + host + ":" + api.port();
    }

    /** The store, for the demo and tests. */
    public PostgresCheckInStore store() {
        return store;
    }

    /** The ingest workers (one per configured worker). */
    public List<IngestWorker> workers() {
        return workers;
    }

    /** The workers' totals added up. */
    public IngestStats ingestStats() {
        long stored = 0;
        long inserted = 0;
        long duplicated = 0;
        long dead = 0;
        long retries = 0;
        long connects = 0;
        long held = 0;
        long refused = 0;
        for (IngestWorker worker : workers) {
            IngestStats s = worker.stats();
            stored += s.batchesStored();
            inserted += s.recordsInserted();
            duplicated += s.recordsDuplicated();
            dead += s.deadLetters();
            retries += s.storeRetries();
            connects += s.connects();
            held += s.recordsHeld();
            refused += s.recordsRefused();
        }
        return new IngestStats(stored, inserted, duplicated, dead, retries, connects, held, refused);
    }

    /** Stops the workers, the rollup schedule, then the API, then the pool. */
    @Override
    public void close() {
        workers.forEach(IngestWorker::close);
        try {
            rollupSchedule.close();
        } catch (Exception e) {
            LOG.warn("stopping the rollup and retention schedules failed: {}", e.toString());
        }
        fleetLink.close();
        api.close();
        configLink.close();
        store.close();
        LOG.info("central stopped");
    }
}
