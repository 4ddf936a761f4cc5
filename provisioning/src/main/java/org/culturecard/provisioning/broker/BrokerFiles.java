package org.culturecard.provisioning.broker;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;

/**
 * Makes the broker's files readable by the user Mosquitto drops to, and by nobody else: the
 * directory 0750 and every file 0640, group {@value #GROUP} when this machine has that group.
 * Without it (a provisioning machine with no Mosquitto) the files keep the current user's group,
 * and {@code install/central.sh} sets {@code root:mosquitto} when it copies them to the broker host.
 * Applied on every run, so a re-run never takes the broker's access away.
 */
final class BrokerFiles {
    static final String GROUP = "mosquitto";
    static final String DIRECTORY = "rwxr-x---";
    static final String FILE = "rw-r-----";

    private final Optional<GroupPrincipal> group;

    private BrokerFiles(Optional<GroupPrincipal> group) {
        this.group = group;
    }

    /** For this machine: group {@value #GROUP} if it exists. */
    static BrokerFiles forThisMachine() throws IOException {
        try {
            return new BrokerFiles(Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(GROUP)));
        } catch (UserPrincipalNotFoundException e) {
            return new BrokerFiles(Optional.empty());
        }
    }

    /** True when the files were given to group {@value #GROUP}. */
    boolean groupSet() {
        return group.isPresent();
    }

    void directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(DIRECTORY));
        share(dir);
    }

    /** A file already written 0640: hands it to the group. */
    void file(Path file) throws IOException {
        share(file);
    }

    private void share(Path path) throws IOException {
        if (group.isPresent()) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group.get());
        }
    }
}
