package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module's main sources says what it is (ADR 22): a {@code package-info.java}
 * that opens with a Javadoc comment and declares its package. A source scan rather than ArchUnit,
 * because a package-info that holds only Javadoc compiles to no class.
 */
class PackageInfoTest {

    /** The reactor's root: surefire runs each module's tests with {@code basedir} set to the module. */
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

    @Test
    void everyMainPackageHasAPackageInfoThatSaysWhatItIs() throws IOException {
        Map<Path, String> packages = mainPackages();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> p : packages.entrySet()) {
            String problem = problemWith(p.getKey().resolve("package-info.java"), p.getValue());
            if (problem != null) {
                problems.add(ROOT.relativize(p.getKey()) + ": " + problem);
            }
        }

        assertThat(packages).as("main packages found under %s", ROOT).hasSizeGreaterThan(40);
        assertThat(problems).as("packages without a proper package-info.java").isEmpty();
    }

    private static String problemWith(Path info, String packageName) throws IOException {
        if (!Files.isRegularFile(info)) {
            return "no package-info.java";
        }
        String text = Files.readString(info);
        if (!text.strip().startsWith("/**")) {
            return "it does not open with a Javadoc comment saying what the package is";
        }
        return text.contains("package " + packageName + ";") ? null : "it does not declare package " + packageName;
    }

    /** Every directory under a module's {@code src/main/java} that holds a Java source file, with its package name. */
    private static Map<Path, String> mainPackages() throws IOException {
        Map<Path, String> packages = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).forEach(dir ->
                            packages.put(dir, sources.relativize(dir).toString().replace('/', '.')));
                }
            }
        }
        return packages;
    }
}
