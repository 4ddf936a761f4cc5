/**
 * Engagement reports: {@link ReportQueries} reads the per-day rollup (kept by
 * {@link RollupRefresher} and {@link RollupSchedule}) or, with a council's {@link LinkageFile}, the
 * check-ins; {@link ReportBuilder} applies {@link Suppression} so that every published figure of an
 * {@link EngagementReport} is safe; {@link ReportFormats} writes JSON or CSV and
 * {@link ReportCommand} is the command line. Depends on the store, the config and the schedules;
 * used by the API and the composition root.
 */
package org.culturecard.central.report;
