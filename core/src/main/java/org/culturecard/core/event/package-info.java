/**
 * Events that young people check in to ({@link Event}) and the closed lists that classify them:
 * {@link Sector}, {@link ArtsActivity}, {@link Mode}, {@link AgeBand}, {@link LearningLayer}, each
 * with a stable wire code ({@link Coded}), and an event's {@link Category}. Pure values, validated
 * in their constructors; they depend only on {@code core.ids} and are shared by the wire format,
 * the kiosk, the sync agent and central.
 */
package org.culturecard.core.event;
