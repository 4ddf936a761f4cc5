/**
 * Awards shown (ADR 0037): kiosks report on {@code up/awards-shown} the awards they showed; central validates
 * each report ({@link org.culturecard.central.shown.AwardsShownWorker}), sets {@code awards.shown_at} once
 * ({@link org.culturecard.central.shown.ShownAwardRows}), dead-letters what it cannot place, and acks.
 */
package org.culturecard.central.shown;
