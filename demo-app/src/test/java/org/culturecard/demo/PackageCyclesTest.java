package org.culturecard.demo;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No cycles between packages (ADR 22), over the compiled main classes of every module (this module
 * sees them all): each package is its own slice, so a package that points back at one that uses
 * it fails here with the classes on both sides named. Maven already forbids cycles between
 * modules; this is the same rule one level down.
 */
@AnalyzeClasses(packages = "org.culturecard", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule noPackageDependsBackOnAPackageThatUsesIt = slices()
            .matching("org.culturecard.(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one: neither can be understood, tested or moved alone");
}
