/**
 * The card reader: the {@link CardReader} port and its closed set of {@link ReaderEvent}s, the PC/SC
 * adapter {@link PcscCardReader} (javax.smartcardio with jnasmartcardio, one monitor thread, a read
 * thread per reader, debounce and recovery from a pcscd restart), {@link ReaderFeedback} for ACS
 * readers' buzzer and lights, and the {@link SimulatedCardReader} with the {@link DemoCards} for the
 * demo and tests. The only module that touches PC/SC; it depends on {@code core.card} alone and is
 * used by the kiosk, provisioning's readers commands and the demo.
 */
package org.culturecard.reader;
