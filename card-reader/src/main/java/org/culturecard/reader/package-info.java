/**
 * The card reader: the {@link CardReader} port and its closed set of {@link ReaderEvent}s, the PC/SC
 * adapter {@link PcscCardReader} (its composition root: the {@link PcscMonitor} thread, a read thread
 * per reader in {@link TapReader}, debounce, recovery from a pcscd restart) and {@link PcscReaderFeedback},
 * {@link ReaderFeedback} for readers' buzzer and lights, and the {@link SimulatedCardReader} with the
 * {@link DemoCards} for the demo and tests. Its parts (contexts, read workers, the reader models) are in
 * {@code reader.internal}, which no other module uses. The only module that touches PC/SC; it depends on
 * {@code core.card} alone and is used by the kiosk, provisioning's readers commands and the demo.
 */
package org.culturecard.reader;
