/**
 * A SIP2 library management system for tests ({@link org.culturecard.testsupport.sip2.Sip2TestServer}):
 * real sockets, a patron table, error detection, login, and misbehaviour on demand. Written from
 * the server side of the spec and sharing no class with the {@code sip2} module, which it tests.
 */
package org.culturecard.testsupport.sip2;
