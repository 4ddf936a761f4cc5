/**
 * Real PC/SC without a reader: {@link PcscdServer} runs the machine's pcscd with two vpcd virtual
 * readers, {@link PcscdExtension} starts it for a test class, and a {@link VirtualCard} answers
 * APDUs as its {@link CardResponder} says. Depends on {@code testsupport.server}; used by the tests
 * of card-reader, provisioning and the demo (one pcscd per machine).
 */
package org.culturecard.testsupport.pcsc;
