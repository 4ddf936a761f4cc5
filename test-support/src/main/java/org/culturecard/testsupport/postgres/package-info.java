/**
 * A real PostgreSQL for tests: {@link PostgresServer} initialises the machine's own server in a
 * temp directory on a free loopback port, and {@link PostgresExtension} starts one per test class.
 * Depends on {@code testsupport.server}; used by the tests of central and the demo.
 */
package org.culturecard.testsupport.postgres;
