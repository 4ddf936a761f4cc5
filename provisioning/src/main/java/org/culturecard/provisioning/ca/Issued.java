package org.culturecard.provisioning.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A fresh key pair and the certificate the CA issued for it. */
public record Issued(KeyPair keyPair, X509Certificate certificate) {}
