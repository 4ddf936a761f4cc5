/** Identity at central (ADR 30): enrolment records make people of tokens, with merges, replacements, undo and validity. */
package org.culturecard.central.identity;
