package org.culturecard.provisioning.doctor;

/**
 * One line of the doctor's report: what was checked, whether it passed, what was found and, on a
 * failure, what to do about it.
 */
public record CheckResult(String name, Status status, String detail, String fix) {

    /** A closed set: SKIP is for checks that cannot run here and do not count as failures. */
    public enum Status { PASS, FAIL, SKIP }

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, Status.PASS, detail, null);
    }

    public static CheckResult fail(String name, String detail, String fix) {
        return new CheckResult(name, Status.FAIL, detail, fix);
    }

    public static CheckResult skip(String name, String detail) {
        return new CheckResult(name, Status.SKIP, detail, null);
    }

    /** {@code PASS certificates  kiosk.crt ...}, with {@code -> fix: ...} after a failure. */
    public String line() {
        String text = String.format("%-4s %-12s %s", status, name, detail);
        return fix == null ? text : text + " -> fix: " + fix;
    }
}
