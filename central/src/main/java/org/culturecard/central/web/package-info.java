/** Central's web for partnership staff: jte pages on the API's Javalin, security headers, texts, sign-in. */
package org.culturecard.central.web;
