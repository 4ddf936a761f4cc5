package org.culturecard.central.recognition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.culturecard.core.rules.Catalogue;
import org.culturecard.core.rules.CatalogueException;
import org.culturecard.core.rules.CatalogueReader;

/**
 * The achievements in force: read from the definitions file at start (a bad file stops central,
 * naming the field) and replaced whole through the admin API, which validates the new document,
 * writes it to the same file (a temporary file moved over it, so a crash leaves the old or the new)
 * and only then puts it in force. Without a file there are no achievements and the API cannot set any.
 */
public final class AchievementBook {

    /** The catalogue and the document it was read from. */
    record Edition(Catalogue catalogue, byte[] document) {
    }

    private final Path file;
    private volatile Edition edition;

    private AchievementBook(Path file, Edition edition) {
        this.file = file;
        this.edition = edition;
    }

    /**
     * Reads and validates {@code file} (null: no achievements).
     *
     * @throws CatalogueException naming the file and every bad field
     */
    public static AchievementBook load(Path file) {
        if (file == null) {
            return new AchievementBook(null, new Edition(Catalogue.EMPTY, "{\"achievements\": [], \"pathways\": []}\n"
                    .getBytes(StandardCharsets.UTF_8)));
        }
        byte[] document;
        try {
            document = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the achievements file " + file, e);
        }
        try {
            return new AchievementBook(file, new Edition(CatalogueReader.read(document), document));
        } catch (CatalogueException e) {
            throw new CatalogueException(e.errors().stream().map(error -> file.getFileName() + ": " + error).toList());
        }
    }

    /** The achievements and pathways in force. */
    public Catalogue catalogue() {
        return edition.catalogue();
    }

    /** The document in force, as the admin API returns it. */
    public byte[] document() {
        return edition.document().clone();
    }

    /**
     * Validates {@code document}, writes it to the file and puts it in force.
     *
     * @throws CatalogueException listing every bad field (nothing changes)
     * @throws IllegalStateException when central has no achievements file to write
     */
    public synchronized Catalogue replace(byte[] document) {
        Catalogue catalogue = CatalogueReader.read(document);
        if (file == null) {
            throw new IllegalStateException("central has no achievements file (central.recognition.achievements-file)");
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.write(next, document);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the achievements file " + file, e);
        }
        edition = new Edition(catalogue, document.clone());
        return catalogue;
    }
}
