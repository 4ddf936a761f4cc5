package org.culturecard.central;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Central's layers (ADR 22), checked on its compiled classes: the composition root builds the
 * HTTP API and the services (ingest, fleet, reports, staff, dead letters, retention, schedules,
 * metrics); they reach PostgreSQL only through the store's ports and adapters, and the store
 * knows none of them. The config and JSON are infrastructure that the store never needs (the
 * broker connection is the mqtt-link module's). A new package must be placed in a layer here before the rule passes.
 */
@AnalyzeClasses(packages = "org.culturecard.central", importOptions = ImportOption.DoNotIncludeTests.class)
class CentralLayersTest {

    @ArchTest
    static final ArchRule servicesUseTheStoreAndTheStoreKnowsNoService = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Composition").definedBy("org.culturecard.central")
            .layer("Api").definedBy("org.culturecard.central.api..", "org.culturecard.central.web..")
            .layer("Services").definedBy("org.culturecard.central.ingest..", "org.culturecard.central.identity..", "org.culturecard.central.fleet..",
                    "org.culturecard.central.report..", "org.culturecard.central.staff..",
                    "org.culturecard.central.deadletter..", "org.culturecard.central.retention..",
                    "org.culturecard.central.schedule..", "org.culturecard.central.metrics..",
                    "org.culturecard.central.recognition..", "org.culturecard.central.badges..", "org.culturecard.central.shown..")
            .layer("Infrastructure").definedBy("org.culturecard.central.config..", "org.culturecard.central.json..")
            .layer("Store").definedBy("org.culturecard.central.store..")
            .whereLayer("Composition").mayNotBeAccessedByAnyLayer()
            .whereLayer("Api").mayOnlyBeAccessedByLayers("Composition")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Api", "Composition")
            .whereLayer("Store").mayNotAccessAnyLayer()
            .whereLayer("Infrastructure").mayOnlyAccessLayers("Infrastructure")
            .because("the API and the services depend on the store's ports; the store depends on none of them");
}
