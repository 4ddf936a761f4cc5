package org.culturecard.kiosk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.CardUid;
import org.culturecard.kiosk.store.SqliteKioskStore;

/**
 * The kiosk's layers (ADR 22), checked on its compiled classes: the composition root wires the
 * screens, the screens use the application services, and the services use the store and the
 * config. Nothing points back up: no service or adapter knows a screen, and no adapter knows a
 * service. A new package must be placed in a layer here before the rule passes.
 */
@AnalyzeClasses(packages = "org.culturecard.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class KioskLayersTest {

    @ArchTest
    static final ArchRule screensUseServicesAndNeverTheOtherWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Composition").definedBy("org.culturecard.kiosk")
            .layer("UI").definedBy("org.culturecard.kiosk.ui..")
            .layer("Services").definedBy("org.culturecard.kiosk.checkin..", "org.culturecard.kiosk.staff..",
                    "org.culturecard.kiosk.barcode..", "org.culturecard.kiosk.enrol..")
            .layer("Adapters").definedBy("org.culturecard.kiosk.store..", "org.culturecard.kiosk.config..")
            .whereLayer("Composition").mayNotBeAccessedByAnyLayer()
            .whereLayer("UI").mayOnlyBeAccessedByLayers("Composition")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("UI", "Composition")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Services", "UI", "Composition")
            .because("the view models call the services through ports, and the store never calls back up");

    @ArchTest
    static final ArchRule screensNeverReachTheDatabaseThemselves = noClasses()
            .that().resideInAPackage("org.culturecard.kiosk.ui..")
            .should().dependOnClassesThat().areAssignableTo(SqliteKioskStore.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("the screens see the store's records only; every store call goes through a service on the"
                    + " background executor, never the FX thread");

    @ArchTest
    static final ArchRule screensNeverSeeATapOrTheReader = noClasses()
            .that().resideInAPackage("org.culturecard.kiosk.ui..")
            .should().dependOnClassesThat().areAssignableTo(CardTap.class)
            .orShould().dependOnClassesThat().areAssignableTo(CardUid.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.culturecard.reader..")
            .because("the tap dispatcher (kiosk.checkin) takes the reader's events and hands the view models"
                    + " results and the readers' status only: no raw UID climbs into the UI");

    @ArchTest
    static final ArchRule thePlumbingAndTheWordsKnowNoScreen = classes()
            .that().resideInAnyPackage("org.culturecard.kiosk.ui.fx..", "org.culturecard.kiosk.ui.screen..",
                    "org.culturecard.kiosk.ui.sound..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.culturecard.kiosk.ui..")
                    .or(resideInAnyPackage("org.culturecard.kiosk.ui.fx..", "org.culturecard.kiosk.ui.screen..",
                            "org.culturecard.kiosk.ui.sound..")))
            .because("the FX plumbing, the screens' names and words, and the sounds sit under every screen");

    @ArchTest
    static final ArchRule viewModelsNeverKnowAView = noClasses()
            .that().resideInAPackage("org.culturecard.kiosk.ui.shell..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.kiosk.ui", "org.culturecard.kiosk.ui.attract..",
                    "org.culturecard.kiosk.ui.result..", "org.culturecard.kiosk.ui.pin..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("View")
            .because("views bind to view models and never the reverse (MVVM)");

    @ArchTest
    static final ArchRule staffModeKnowsTheScreensOnlyThroughItsHost = noClasses()
            .that().resideInAPackage("org.culturecard.kiosk.ui.staff..")
            .should().dependOnClassesThat().resideInAnyPackage("org.culturecard.kiosk.ui.shell..",
                    "org.culturecard.kiosk.ui.attract..", "org.culturecard.kiosk.ui.result..", "org.culturecard.kiosk.ui.pin..")
            .because("staff mode reaches the kiosk view model through StaffHost, so the two never depend on each other");
}
