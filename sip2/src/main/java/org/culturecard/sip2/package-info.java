/**
 * The library management system (LMS) as the rest of Culture Card sees it: the port
 * {@link org.culturecard.sip2.LibrarySystem} (patron status, patron information with a PIN, SC
 * status), its typed answers ({@link org.culturecard.sip2.PatronCheck}: valid, unknown, blocked,
 * expired, lost card, wrong PIN, LMS unavailable), the values that cross it (masked barcodes and
 * PINs, a birth date held in memory only), one LMS connection's {@link org.culturecard.sip2.Sip2Config}
 * and the in-memory fake. The SIP2 adapter is {@code org.culturecard.sip2.client.Sip2LibrarySystem}.
 * Used by the kiosk (enrolment), central (web sign-in) and provisioning (doctor).
 *
 * <h2>Configuration keys</h2>
 * Read by {@link org.culturecard.sip2.Sip2Config#fromValues(java.util.Map)} from the app's config file
 * (the file holds the LMS password: mode 0600). Empty values count as unset; any other
 * {@code sip2.*} key is refused as a typo.
 * <table>
 *   <caption>SIP2 keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>sip2.host</td><td>(required)</td><td>LMS host name or address</td></tr>
 *   <tr><td>sip2.port</td><td>(required)</td><td>LMS SIP2 port</td></tr>
 *   <tr><td>sip2.tls</td><td>false</td><td>speak TLS (host name verified)</td></tr>
 *   <tr><td>sip2.tls.ca-file</td><td>(the JDK's CAs)</td><td>PEM file of the CA(s) that signed the LMS's certificate</td></tr>
 *   <tr><td>sip2.login.user</td><td>(no login)</td><td>login user id (CN of message 93)</td></tr>
 *   <tr><td>sip2.login.password</td><td>(required with a user)</td><td>login password (CO); redacted when printed</td></tr>
 *   <tr><td>sip2.login.location</td><td>(none)</td><td>location code (CP)</td></tr>
 *   <tr><td>sip2.institution</td><td>(empty)</td><td>institution id (AO) sent with every patron request</td></tr>
 *   <tr><td>sip2.terminal-password</td><td>(none)</td><td>terminal password (AC); redacted when printed</td></tr>
 *   <tr><td>sip2.checksums</td><td>false</td><td>error detection: sequence number and checksum (AY/AZ)</td></tr>
 *   <tr><td>sip2.delimiter</td><td>|</td><td>field delimiter, one printable ASCII non-alphanumeric character</td></tr>
 *   <tr><td>sip2.charset</td><td>UTF-8</td><td>UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15, windows-1252, IBM850 or IBM437</td></tr>
 *   <tr><td>sip2.connect-timeout-ms</td><td>5000</td><td>TCP connect and TLS handshake timeout (1 to 300000)</td></tr>
 *   <tr><td>sip2.read-timeout-ms</td><td>10000</td><td>time for one whole reply to arrive (1 to 300000)</td></tr>
 *   <tr><td>sip2.max-line-length</td><td>4096</td><td>longest reply accepted, in bytes (256 to 65536)</td></tr>
 *   <tr><td>sip2.field.birth-date</td><td>PB</td><td>reply field holding the birth date (Envisionware extension)</td></tr>
 *   <tr><td>sip2.field.expiry</td><td>PA</td><td>reply field holding the card's expiry date (Envisionware extension)</td></tr>
 * </table>
 */
package org.culturecard.sip2;
