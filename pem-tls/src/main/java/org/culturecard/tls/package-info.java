/**
 * TLS client contexts from the scheme CA's PEM files: {@link PemTls} builds the client that the sync
 * agent, central and the doctor's probe use (trusting only the scheme CA, presenting the client's
 * certificate), and {@link TlsSetupException} says which file is wrong. Depends on Bouncy Castle
 * for PEM parsing and on no other Culture Card module.
 */
package org.culturecard.tls;
