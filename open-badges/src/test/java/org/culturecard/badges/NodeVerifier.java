package org.culturecard.badges;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/node/verify.mjs} (the Digital Credentials Consortium's verifier, ADR 0034) with
 * node on a credential and the documents it may load. Without node or the installed node modules
 * ({@code npm ci} in src/test/node; ./run-tests does it) the test is skipped, and fails when CI=true.
 */
public final class NodeVerifier {
    /** src/test/node in open-badges: from its own tests, or from a sibling module's (central's credential IT). */
    static final Path FOLDER = Files.isRegularFile(Path.of("src/test/node/verify.mjs"))
            ? Path.of("src/test/node").toAbsolutePath() : Path.of("../open-badges/src/test/node").toAbsolutePath();

    private NodeVerifier() {}

    /** node's verdict: its exit code 0 (verified) or 1 (refused) and the JSON line it printed. */
    public record Verdict(boolean verified, String output) {}

    public static void requireInstalled() {
        boolean ready = Files.isDirectory(FOLDER.resolve("node_modules/@digitalcredentials/vc")) && nodeRuns();
        if (!ready && "true".equals(System.getenv("CI"))) {
            fail("CI: node and the verifier's node modules are required (npm ci in " + FOLDER + ")");
        }
        assumeTrue(ready, "node or " + FOLDER + "/node_modules missing: run npm ci there (./run-tests does)");
    }

    public static Verdict verify(Path work, String credential, Map<String, String> documents) throws IOException, InterruptedException {
        Path credentialFile = Files.writeString(work.resolve("credential.json"), credential);
        StringBuilder map = new StringBuilder("{");
        documents.forEach((url, json) -> map.append(map.length() > 1 ? "," : "").append('"').append(url).append("\":").append(json));
        Path documentsFile = Files.writeString(work.resolve("documents.json"), map.append('}'));
        Process node = new ProcessBuilder("node", "verify.mjs", credentialFile.toString(), documentsFile.toString())
                .directory(FOLDER.toFile()).redirectErrorStream(true).start();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("node verify.mjs did not finish in 60 s");
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (node.exitValue() > 1) {
            fail("node verify.mjs failed to run (exit " + node.exitValue() + "): " + output);
        }
        return new Verdict(node.exitValue() == 0, output);
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
