/**
 * Internal, not API: the SIP2 wire codec (frames, fields, checksum, message layouts, dates), used
 * by this module's client only. Other modules use {@code org.culturecard.sip2} (ArchUnit holds them
 * to it).
 */
package org.culturecard.sip2.internal;
