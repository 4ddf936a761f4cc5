package org.culturecard.sip2;

import java.util.Objects;

/**
 * The LMS accepted our login (where one is configured) and says it is online (ACS status 98).
 *
 * @param protocolVersion            the SIP version the LMS speaks, e.g. {@code 2.00}
 * @param patronStatusSupported      whether it answers patron status (23); true when it does not say
 * @param patronInformationSupported whether it answers patron information (63); true when it does not say
 */
public record LmsOnline(String protocolVersion, boolean patronStatusSupported, boolean patronInformationSupported)
        implements LmsStatus {
    public LmsOnline {
        Objects.requireNonNull(protocolVersion, "protocolVersion");
    }
}
