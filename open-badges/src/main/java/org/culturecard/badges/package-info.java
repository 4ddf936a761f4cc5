/** Open Badges 3.0 credentials: issue an OpenBadgeCredential signed with eddsa-rdfc-2022, its status list credential, and verify both (ADR 0034). */
package org.culturecard.badges;
