/**
 * {@link TestPki}: a throwaway certificate authority for TLS tests (EC P-256 keys, PEM files the
 * broker can read). Depends on Bouncy Castle only; used by the tests of the modules that speak TLS.
 */
package org.culturecard.testsupport.tls;
