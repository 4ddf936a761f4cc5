/** Staff web accounts: Argon2id passwords, TOTP, sign-in throttling, the account table and its CLI. */
package org.culturecard.central.web.account;
