/** The staff pages under /admin: reports, coverage, fleet, dead letters, audit log, and who may see each. */
package org.culturecard.central.web.pages;
