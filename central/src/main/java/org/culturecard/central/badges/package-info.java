/** Central's Open Badges credentials for awards: issuing, the recipient identifiers, the status list and revocation (ADR 34). */
package org.culturecard.central.badges;
