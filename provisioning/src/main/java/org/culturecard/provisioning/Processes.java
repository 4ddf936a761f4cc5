package org.culturecard.provisioning;

/** Looks for running processes by executable name, through {@link ProcessHandle}. */
final class Processes {
    private Processes() {}

    static boolean pcscdRunning() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().command()
                .map(command -> command.endsWith("/pcscd")).orElse(false));
    }
}
