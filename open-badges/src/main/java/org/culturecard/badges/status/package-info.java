/** W3C Bitstring Status List: the revocation bits of issued credentials and their GZIP, base64url multibase encoding. */
package org.culturecard.badges.status;
