package org.culturecard.kioskdb;

import java.sql.Connection;

/**
 * The gateways to the kiosk database's tables, handed to the work a {@link KioskDb} runs: they are
 * reached only inside {@link KioskDb#read} or {@link KioskDb#write}, so every statement runs on the
 * one connection, one caller at a time, in the transaction the caller asked for.
 */
public final class Tables {
    private final CheckIns checkIns;
    private final Outbox outbox;
    private final Events events;
    private final Staff staff;
    private final Settings settings;
    private final EnrolmentOutbox enrolments;
    private final AwardsToShow awards;

    Tables(Connection connection) {
        this.checkIns = new CheckIns(connection);
        this.outbox = new Outbox(connection);
        this.events = new Events(connection);
        this.staff = new Staff(connection);
        this.settings = new Settings(connection);
        this.enrolments = new EnrolmentOutbox(connection);
        this.awards = new AwardsToShow(connection);
    }

    public CheckIns checkIns() {
        return checkIns;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Events events() {
        return events;
    }

    public Staff staff() {
        return staff;
    }

    public Settings settings() {
        return settings;
    }

    /** The enrolment records to send to central, and the day's to undo. */
    public EnrolmentOutbox enrolments() {
        return enrolments;
    }

    /** The awards to show on the kiosk and those shown, to report to central (ADR 37). */
    public AwardsToShow awards() {
        return awards;
    }
}
