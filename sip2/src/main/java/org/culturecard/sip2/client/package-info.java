/**
 * The SIP2 adapter of {@link org.culturecard.sip2.LibrarySystem}: {@link org.culturecard.sip2.client.Sip2LibrarySystem}
 * is the one public class (construct it with a {@link org.culturecard.sip2.Sip2Config} and a clock);
 * everything else here (the shared connection, the bounded line reader, TLS from a CA file, reading
 * patron replies) is package-private. The only module that opens a socket to the LMS.
 */
package org.culturecard.sip2.client;
