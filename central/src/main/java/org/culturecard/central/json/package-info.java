/**
 * Reading the admin routes' small JSON bodies as hostile input ({@link JsonBody}): bounded, an
 * object, only the allowed fields. Infrastructure: depends on Jackson alone, no other Culture Card
 * package; used by the API's kiosk route and the venue staff routes.
 */
package org.culturecard.central.json;
