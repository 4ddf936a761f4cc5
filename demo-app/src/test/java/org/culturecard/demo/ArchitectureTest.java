package org.culturecard.demo;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.sql.DriverManager;

/**
 * The module boundaries of DESIGN.md, checked on the compiled classes of every module (this module
 * depends on them all). Dependencies point inward, to core; each technology stays in its module.
 */
@AnalyzeClasses(packages = "org.culturecard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPureDomainCode = noClasses()
            .that().resideInAPackage("org.culturecard.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "org.eclipse.paho..", "javax.smartcardio..",
                    "jnasmartcardio..", "org.culturecard.reader..", "org.culturecard.kiosk..",
                    "org.culturecard.sync..", "org.culturecard.central..", "org.culturecard.provisioning..",
                    "org.culturecard.demo..", "org.culturecard.sip2..", "org.culturecard.kioskdb..",
                    "org.culturecard.mqttlink..", "org.culturecard.badges..")
            .because("core holds the domain and the wire format: pure code, no I/O, no other module");

    @ArchTest
    static final ArchRule onlyCardReaderTouchesPcsc = noClasses()
            .that().resideOutsideOfPackage("org.culturecard.reader..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.smartcardio..", "jnasmartcardio..")
            .because("only card-reader talks PC/SC; the rest sees CardTap and ReaderEvent");

    @ArchTest
    static final ArchRule onlyKioskTouchesJavaFx = noClasses()
            .that().resideOutsideOfPackage("org.culturecard.kiosk..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only the kiosk has a user interface");

    @ArchTest
    static final ArchRule onlyMqttLinkTouchesPaho = noClasses()
            .that().resideOutsideOfPackages("org.culturecard.mqttlink..", "org.culturecard.testsupport..")
            .and().haveNameNotMatching("org\\.culturecard\\.sync\\.agent\\.BrokerSession(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..")
            .because("mqtt-link owns the broker connection (and, in test scope only, test-support's recording"
                    + " test client; no main module may depend on test-support). One exception: the agent's"
                    + " BrokerSession drives Paho's asynchronous client itself, for the CONNACK's receive maximum"
                    + " (its publish window), each PUBACK's reason code and the last will; central imports no Paho");

    @ArchTest
    static final ArchRule mqttLinkDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("org.culturecard.mqttlink..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.core..", "org.culturecard.reader..",
                    "org.culturecard.kiosk..", "org.culturecard.sync..", "org.culturecard.central..",
                    "org.culturecard.provisioning..", "org.culturecard.demo..", "org.culturecard.sip2..",
                    "org.culturecard.testsupport..")
            .because("mqtt-link is the broker connection and nothing else: the wire format and topics are core's");

    @ArchTest
    static final ArchRule theDoctorUsesOnlyMqttLinksTls = noClasses()
            .that().resideInAPackage("org.culturecard.provisioning..")
            .should().dependOnClassesThat().resideInAPackage("org.culturecard.mqttlink")
            .because("the doctor probes the broker by hand with mqtt-link's TLS; provisioning speaks no MQTT client");

    @ArchTest
    static final ArchRule onlyKioskDbTouchesSqlite = noClasses()
            .that().resideOutsideOfPackage("org.culturecard.kioskdb..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
            .because("kiosk-db owns the kiosk's SQLite file (ADR 26): the kiosk, the sync agent and provisioning"
                    + " reach it through kiosk-db's opener and table gateways only");

    /** A JDBC URL opens a database without any import; the source scan in KioskDbOwnerTest covers {@code jdbc:sqlite}. */
    @ArchTest
    static final ArchRule onlyKioskDbAndThePostgresHarnessCallDriverManager = noClasses()
            .that().resideOutsideOfPackages("org.culturecard.kioskdb..", "org.culturecard.testsupport.postgres..")
            .should().callMethodWhere(target(owner(assignableTo(DriverManager.class))))
            .because("every connection to the kiosk's SQLite file is made by kiosk-db (ADR 26), central's to PostgreSQL"
                    + " by HikariCP; only test-support's PostgreSQL harness needs a bare JDBC connection");

    @ArchTest
    static final ArchRule kioskDbDependsOnlyOnCore = noClasses()
            .that().resideInAPackage("org.culturecard.kioskdb..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.reader..", "org.culturecard.kiosk..",
                    "org.culturecard.sync..", "org.culturecard.central..", "org.culturecard.provisioning..",
                    "org.culturecard.demo..", "org.culturecard.sip2..", "org.culturecard.mqttlink..",
                    "org.culturecard.testsupport..")
            .because("the kiosk database is a contract between processes; it knows the domain and nothing of its users");

    /**
     * Every module's {@code internal} packages (kiosk-db's connections and migrations, sip2's codec and
     * client parts, card-reader's PC/SC parts, mqtt-link's reply thread, provisioning's commands' helpers,
     * test-support's harness parts) are its own: a module is the third segment of the package name.
     */
    @ArchTest
    static final ArchRule nobodyOutsideAModuleUsesItsInternals = classes()
            .that().resideInAPackage("org.culturecard..")
            .should(useNoOtherModulesInternals())
            .because("internal packages are public only for Java's sake: others use a module's API packages (e.g."
                    + " KioskDb and its gateways, sip2's LibrarySystem port, PcscCardReader)");

    @ArchTest
    static final ArchRule onlyCentralTouchesPostgres = noClasses()
            .that().resideOutsideOfPackages("org.culturecard.central..", "org.culturecard.demo..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer.hikari..",
                    "io.javalin..")
            .because("only central touches PostgreSQL and serves HTTP (the demo starts an embedded PostgreSQL for it)");

    @ArchTest
    static final ArchRule cardReaderDependsOnlyOnCore = noClasses()
            .that().resideInAPackage("org.culturecard.reader..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.kiosk..", "org.culturecard.sync..",
                    "org.culturecard.central..", "org.culturecard.provisioning..", "org.culturecard.demo..",
                    "org.culturecard.mqttlink..");

    /** The kiosk may use core, card-reader, kiosk-db (its database's owner) and sip2 (registering cards, issue 13). */
    @ArchTest
    static final ArchRule kioskDependsOnlyOnCoreCardReaderKioskDbAndSip2 = noClasses()
            .that().resideInAPackage("org.culturecard.kiosk..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.sync..", "org.culturecard.mqttlink..",
                    "org.culturecard.central..", "org.culturecard.provisioning..", "org.culturecard.demo..")
            .because("the kiosk reaches central only through the sync agent's outboxes in kiosk-db; it asks the"
                    + " library system through sip2's LibrarySystem port, and nothing else of the other modules");

    @ArchTest
    static final ArchRule syncAgentDependsOnlyOnCore = noClasses()
            .that().resideInAPackage("org.culturecard.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.reader..", "org.culturecard.kiosk..",
                    "org.culturecard.central..", "org.culturecard.provisioning..", "org.culturecard.demo..");

    @ArchTest
    static final ArchRule centralDependsOnlyOnCore = noClasses()
            .that().resideInAPackage("org.culturecard.central..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.reader..", "org.culturecard.kiosk..",
                    "org.culturecard.kioskdb..", "org.culturecard.sync..", "org.culturecard.provisioning..",
                    "org.culturecard.demo..");

    @ArchTest
    static final ArchRule provisioningDependsOnlyOnCoreAndCardReader = noClasses()
            .that().resideInAPackage("org.culturecard.provisioning..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.kiosk..", "org.culturecard.sync..",
                    "org.culturecard.central..", "org.culturecard.demo..");

    @ArchTest
    static final ArchRule sip2DependsOnNothingButCore = noClasses()
            .that().resideInAPackage("org.culturecard.sip2..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.reader..", "org.culturecard.kiosk..",
                    "org.culturecard.sync..", "org.culturecard.central..", "org.culturecard.provisioning..",
                    "org.culturecard.demo..", "org.culturecard.mqttlink..", "org.culturecard.testsupport..")
            .because("sip2 is the one way to the library system, for the kiosk, central and the doctor alike");

    @ArchTest
    static final ArchRule onlySip2OpensSocketsToTheLibrarySystem = noClasses()
            .that().resideOutsideOfPackages("org.culturecard.sip2.client..", "org.culturecard.provisioning.doctor..",
                    "org.culturecard.testsupport..")
            .should().dependOnClassesThat().areAssignableTo(java.net.Socket.class)
            .because("raw client sockets are for the LMS, and sip2 owns that connection (MQTT goes through Paho; "
                    + "the doctor's MqttProbe checks the broker's TLS by hand, and test-support starts servers)");

    private static ArchCondition<JavaClass> useNoOtherModulesInternals() {
        return new ArchCondition<>("use no other module's internal packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (target.startsWith("org.culturecard.") && isInternal(target)
                            && !module(target).equals(module(origin.getPackageName()))) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    /** {@code org.culturecard.reader.internal} is card-reader's: the module is the third segment. */
    private static String module(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : packageName;
    }
}
