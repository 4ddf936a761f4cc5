package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.internal.Connections;
import org.junit.jupiter.api.Test;

/** The rule on {@code internal} packages can fail: a class of another module that uses one is caught, the module's own is not. */
class InternalPackagesRuleTest {

    /** A stand-in for a class of another module that reaches into kiosk-db's internals. */
    static final class ReachesIn {
        Class<?> sneak() {
            return Connections.class;
        }
    }

    @Test
    void aClassOfAnotherModuleUsingAnInternalPackageFails() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReachesIn.class, Connections.class);

        assertThatThrownBy(() -> ArchitectureTest.nobodyOutsideAModuleUsesItsInternals.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIn").hasMessageContaining("kioskdb.internal.Connections");
    }

    @Test
    void theModuleItselfMayUseItsInternalPackages() {
        JavaClasses classes = new ClassFileImporter().importClasses(KioskDb.class, Connections.class);

        assertThatCode(() -> ArchitectureTest.nobodyOutsideAModuleUsesItsInternals.check(classes)).doesNotThrowAnyException();
    }
}
