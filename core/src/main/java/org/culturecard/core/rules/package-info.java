/**
 * Achievement rules (issue 14, reusable by the incentives of issue 16): the sealed {@link Rule}
 * criteria, {@link Achievement} and {@link Pathway} definitions read from JSON by
 * {@link CatalogueReader} and checked by {@link CatalogueValidator} (errors name the field), and the
 * {@link Evaluator}, a pure function of the set of a person's {@link Visit}s. Pure Java, no I/O;
 * depends on {@code core.event} and {@code core.enrolment} (codes) and Jackson's tree model; used by central.
 */
package org.culturecard.core.rules;
