/**
 * Recognition at central (issue 14, ADR 33): the achievements in force ({@link AchievementBook}),
 * the evaluation of persons with new check-ins off the ingest commit ({@link RecognitionJob}), awards,
 * goals and progress ({@link Recognition}), the admin API ({@link RecognitionApi}) and the backfill
 * command ({@link RecognitionCommand}). Uses core's rules, the store's transactions and the config;
 * used by the API and the composition root.
 */
package org.culturecard.central.recognition;
