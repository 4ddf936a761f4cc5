package org.culturecard.central;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.central.api.CentralApi;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.ingest.BatchValidator;
import org.culturecard.central.ingest.IngestStats;
import org.culturecard.central.ingest.IngestWorker;
import org.culturecard.central.store.PostgresCheckInStore;
import org.culturecard.core.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the central service: the one place where the store, the ingest workers
 * and the HTTP API are built and wired by hand. Start order is store (with migrations), API,
 * workers; close order is the reverse, so nothing is acknowledged after the database is gone.
 */
public final class Central implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Central.class);
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(10);

    private final CentralConfig config;
    private final PostgresCheckInStore store;
    private final List<IngestWorker> workers;
    private final CentralApi api;

    private Central(CentralConfig config, PostgresCheckInStore store, List<IngestWorker> workers, CentralApi api) {
        this.config = config;
        this.store = store;
        this.workers = workers;
        this.api = api;
    }

    /**
     * Starts everything and waits (up to 10 s) for the workers to subscribe; if the broker is not
     * reachable yet, the workers keep trying in the background.
     */
    public static Central start(CentralConfig config, Clock clock) {
        LOG.info("starting central: {}", config.describe());
        PostgresCheckInStore store = PostgresCheckInStore.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(),
                config.workers() + 2, clock);
        List<IngestWorker> workers = new ArrayList<>();
        CentralApi api = null;
        try {
            api = CentralApi.start(config.httpHost(), config.httpPort(), config.apiTokens(), store);
            WireCodec codec = new WireCodec();
            BatchValidator validator = new BatchValidator(codec, clock, store::registeredVenue);
            for (int i = 1; i <= config.workers(); i++) {
                String clientId = config.clientIdPrefix() + "-ingest-" + i;
                workers.add(new IngestWorker(config.brokerUri(), clientId, store, validator, codec, clock).start());
            }
            awaitSubscribed(workers);
            return new Central(config, store, List.copyOf(workers), api);
        } catch (RuntimeException e) {
            workers.forEach(IngestWorker::close);
            if (api != null) {
                api.close();
            }
            store.close();
            throw e;
        }
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

    /** {@code http://host:port}, where the API listens. */
    public String httpUrl() {
        return "http://" + config.httpHost() + ":" + api.port();
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
        for (IngestWorker worker : workers) {
            IngestStats s = worker.stats();
            stored += s.batchesStored();
            inserted += s.recordsInserted();
            duplicated += s.recordsDuplicated();
            dead += s.deadLetters();
            retries += s.storeRetries();
            connects += s.connects();
        }
        return new IngestStats(stored, inserted, duplicated, dead, retries, connects);
    }

    /** Stops the workers, then the API, then the pool. */
    @Override
    public void close() {
        workers.forEach(IngestWorker::close);
        api.close();
        store.close();
        LOG.info("central stopped");
    }
}
