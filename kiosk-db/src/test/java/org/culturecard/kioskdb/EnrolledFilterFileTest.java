package org.culturecard.kioskdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.privacy.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolledFilterFileTest {
    private static final Token ENROLLED = Token.of("ab".repeat(32));
    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    private EnrolledFilterFile file() {
        return EnrolledFilterFile.beside(dir.resolve("kiosk.db"));
    }

    @Test
    void noFileIsNoFilterAndGenerationZero() {
        assertThat(file().read()).isEmpty();
        assertThat(file().generation()).isZero();
        assertThat(file().stamp()).isEmpty();
        assertThat(file().file()).isEqualTo(dir.toAbsolutePath().resolve(EnrolledFilterFile.FILE_NAME));
    }

    @Test
    void aStoredFilterReadsBackWithItsGenerationAndTime() {
        file().store(7, AT, EnrolledFilter.of(List.of(ENROLLED)).toBytes());

        EnrolledFilterFile.Stored stored = file().read().orElseThrow();
        assertThat(stored.generation()).isEqualTo(7);
        assertThat(stored.receivedAt()).isEqualTo(AT);
        assertThat(stored.filter().mayContain(ENROLLED)).isTrue();
        assertThat(stored.filter().size()).isEqualTo(1);
        assertThat(file().generation()).isEqualTo(7);
        assertThat(Files.exists(dir.resolve(EnrolledFilterFile.FILE_NAME + ".tmp"))).isFalse();
    }

    @Test
    void aNewGenerationReplacesTheOldAndChangesTheStamp() {
        file().store(1, AT, EnrolledFilter.of(List.of()).toBytes());
        EnrolledFilterFile.Stamp first = file().stamp().orElseThrow();

        file().store(2, AT.plusSeconds(60), EnrolledFilter.of(List.of(ENROLLED)).toBytes());

        assertThat(file().stamp().orElseThrow()).isNotEqualTo(first);
        assertThat(file().read().orElseThrow().generation()).isEqualTo(2);
        assertThat(file().read().orElseThrow().filter().mayContain(ENROLLED)).isTrue();
    }

    @Test
    void bytesThatAreNoFilterAreRefusedAndTheOldFilterStays() {
        file().store(3, AT, EnrolledFilter.of(List.of(ENROLLED)).toBytes());

        assertThatThrownBy(() -> file().store(4, AT, "not a filter at all".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(file().generation()).isEqualTo(3);
    }

    @Test
    void aDamagedFileReadsAsNoFilter() throws Exception {
        file().store(3, AT, EnrolledFilter.of(List.of(ENROLLED)).toBytes());
        byte[] bytes = Files.readAllBytes(file().file());
        Files.write(file().file(), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThat(file().read()).isEmpty();

        Files.write(file().file(), "CCKX".getBytes());
        assertThat(file().read()).isEmpty();
        assertThat(file().generation()).isZero();
    }
}
