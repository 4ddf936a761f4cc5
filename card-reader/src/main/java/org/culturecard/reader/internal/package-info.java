/**
 * The PC/SC adapter's parts, used by no other module (ArchitectureTest): {@code PcscContext} (the one
 * class that establishes, drops and re-establishes a PC/SC context), {@code ReadWorkers} (a read thread
 * per reader), {@code TapDebouncer}, {@code LatencyProbe}, and the reader models: {@code ReaderModel}
 * per family ({@code AcsReader}, {@code GenericPcscReader}), chosen by {@code ReaderModels}, with the
 * {@code UidReader} and {@code AtrClassifier} they use. Depends on javax.smartcardio, jnasmartcardio and
 * {@code core.card}; never on {@code org.culturecard.reader}, which wires it.
 */
package org.culturecard.reader.internal;
