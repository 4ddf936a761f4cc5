/**
 * The scheme's certificate authority: {@link CertificateAuthority} creates it and reads a
 * certificate's CN, {@link IssuingAuthority} issues client and server certificates
 * ({@link Issued}), {@link RevocationList} keeps the CRL, and {@link Pem} reads and writes PEM
 * files. The bottom of provisioning: it depends on Bouncy Castle only, and the kiosk bundles, the
 * broker config and the doctor depend on it, never the other way ({@code PackageCyclesTest}).
 */
package org.culturecard.provisioning.ca;
