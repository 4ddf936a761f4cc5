package org.culturecard.reader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javax.smartcardio.TerminalFactory;
import org.culturecard.reader.internal.AtrClassifier;
import org.culturecard.reader.internal.PcscContext;
import org.culturecard.reader.internal.ReaderModel;
import org.culturecard.reader.internal.UidReader;

/**
 * The PC/SC adapter's inside: {@link PcscCardReader} composes its parts and nothing points back up at
 * it; one class opens PC/SC contexts; the UID read and the ATR go through the reader's model.
 */
@AnalyzeClasses(packages = "org.culturecard.reader", importOptions = ImportOption.DoNotIncludeTests.class)
class PcscStructureTest {

    @ArchTest
    static final ArchRule nothingPointsBackUpAtTheCompositionRoot = noClasses()
            .that().doNotBelongToAnyOf(PcscCardReader.class)
            .should().dependOnClassesThat().belongToAnyOf(PcscCardReader.class)
            .because("PcscCardReader wires the monitor, the reads and the contexts; they use PcscContext, never it");

    @ArchTest
    static final ArchRule onlyPcscContextOpensContexts = noClasses()
            .that().doNotBelongToAnyOf(PcscContext.class)
            .should().dependOnClassesThat().areAssignableTo(TerminalFactory.class)
            .orShould().dependOnClassesThat().resideInAPackage("jnasmartcardio..")
            .because("establishing, releasing and re-establishing a PC/SC context has one home");

    @ArchTest
    static final ArchRule modelSpecificCodeIsReachedThroughTheReaderModel = noClasses()
            .that().areNotAssignableTo(ReaderModel.class)
            .should().dependOnClassesThat().haveFullyQualifiedName(UidReader.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName(AtrClassifier.class.getName())
            .because("how a reader reads the UID and tells the card's kind is its ReaderModel's (docs/readers.md)");
}
