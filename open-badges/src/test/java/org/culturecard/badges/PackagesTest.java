package org.culturecard.badges;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** open-badges' own package rules (demo-app does not depend on this module, so its rules do not see it). */
@AnalyzeClasses(packages = "org.culturecard.badges", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagesTest {

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.culturecard.(badges).(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule partsDoNotUseTheApi = noClasses()
            .that().resideInAnyPackage("org.culturecard.badges.internal..", "org.culturecard.badges.keys..",
                    "org.culturecard.badges.status..")
            .should().dependOnClassesThat().resideInAPackage("org.culturecard.badges")
            .because("the API (issuer, verifier) is built on keys, status and internal, never the reverse");

    @ArchTest
    static final ArchRule nothingFetches = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "com.apicatalog.jsonld.http..")
            .because("contexts are bundled and status lists come through StatusListSource: nothing is fetched at run time");
}
