/** The eddsa-rdfc-2022 cryptosuite, RDFC-1.0 canonicalization, bundled JSON-LD contexts and multibase codecs: open-badges' own, not API. */
package org.culturecard.badges.internal;
