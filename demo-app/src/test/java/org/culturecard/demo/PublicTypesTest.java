package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public only what another package uses (issue 12, item 6): a public top-level type of a main source
 * tree must be used from another package, by main code or by a test, or it should be package-private.
 * Java has no module-private types without JPMS, so "another package" is the line the compiler can hold.
 *
 * <p>Tests count as users, so this reads every reactor module's {@code target/classes} and
 * {@code target/test-classes}, found from this module's class path (the reactor puts each upstream
 * module there as its {@code target/classes} or its packaged jar). It fails, not skips, when a
 * module's folders are missing: run it in a reactor build ({@code mvn verify -pl demo-app -am}).
 */
class PublicTypesTest {

    /**
     * Public for a reason the bytecode does not show: JavaFX launches its Application by reflection, and
     * the wire schemas' names are used by core's golden-file tests as constants, which javac copies in.
     */
    private static final Set<String> PUBLIC_FOR_A_REASON = Set.of("org.culturecard.kiosk.KioskFxApplication",
            "org.culturecard.core.wire.Schemas");

    private static final Pattern MODULE_OUTPUT = Pattern.compile("(.*)[/\\\\]target[/\\\\](classes|[^/\\\\]+\\.jar)$");

    private static JavaClasses everything;
    private static List<Path> moduleDirs;

    @BeforeAll
    static void importEveryModule() {
        moduleDirs = reactorModules();
        List<Path> folders = new ArrayList<>();
        for (Path module : moduleDirs) {
            for (String output : List.of("target/classes", "target/test-classes")) {
                Path folder = module.resolve(output);
                if (Files.isDirectory(folder)) {
                    folders.add(folder);
                }
            }
        }
        everything = new ClassFileImporter().importPaths(folders);
    }

    @Test
    void theClassPathHoldsTheWholeReactor() {
        assertThat(moduleDirs).extracting(m -> m.getFileName().toString())
                .as("run in a reactor build (mvn verify -pl demo-app -am), so every module's classes are read")
                .contains("core", "kiosk-db", "card-reader", "sip2", "mqtt-link", "kiosk", "sync-agent", "central",
                        "provisioning", "test-support");
        assertThat(moduleDirs).allSatisfy(m -> assertThat(m.resolve("target/classes")).isDirectory());
    }

    @Test
    void everyPublicMainTypeIsUsedFromAnotherPackage() {
        Set<String> inAPublicSignature = publicSignatureTypes();
        List<String> lonely = new ArrayList<>();
        for (JavaClass type : everything) {
            if (isMainTopLevel(type) && type.getModifiers().contains(JavaModifier.PUBLIC)
                    && !PUBLIC_FOR_A_REASON.contains(type.getName()) && !hasMain(type) && !usedFromAnotherPackage(type) && !inAPublicSignature.contains(type.getName())
                    && !namedInAnotherPackagesSource(type)) {
                lonely.add(type.getName());
            }
        }
        assertThat(lonely).as("public types that no other package uses (main or tests): make them package-private").isEmpty();
    }

    @Test
    void theRuleSeesAPublicTypeUsedOnlyInItsOwnPackage() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Lonely.class, SamePackageUser.class);
        assertThat(usedFromAnotherPackage(fixture.get(Lonely.class))).isFalse();
        assertThat(usedFromAnotherPackage(everything.get(org.culturecard.core.ids.VenueId.class))).isTrue();
    }

    /**
     * The source of another package names the type: its constants, which javac copies into their users,
     * leave no trace in the bytecode. Imports are always by full name here (no wildcard imports).
     */
    private static boolean namedInAnotherPackagesSource(JavaClass type) {
        String name = type.getName();
        String ownFolder = "/" + type.getPackageName().replace('.', '/') + "/";
        for (Path module : moduleDirs) {
            try (Stream<Path> files = Files.walk(module.resolve("src"))) {
                boolean named = files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.getParent().toString().replace('\\', '/').endsWith(ownFolder.substring(0, ownFolder.length() - 1)))
                        .anyMatch(f -> read(f).contains(name));
                if (named) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Types named by a public member's signature: callers elsewhere may hold them without naming them
     * ({@code var outcome = identities.apply(...)}), which the bytecode does not show as a dependency.
     */
    private static Set<String> publicSignatureTypes() {
        Set<String> names = new HashSet<>();
        for (JavaClass type : everything) {
            if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaMember member : type.getMembers()) {
                if (!member.getModifiers().contains(JavaModifier.PUBLIC)) {
                    continue;
                }
                if (member instanceof JavaCodeUnit unit) {
                    names.add(unit.getRawReturnType().getName());
                    unit.getRawParameterTypes().forEach(p -> names.add(p.getName()));
                    unit.getThrowsClause().getTypes().forEach(t -> names.add(t.getName()));
                } else if (member instanceof JavaField field) {
                    names.add(field.getRawType().getName());
                }
            }
        }
        return names;
    }

    private static boolean isMainTopLevel(JavaClass type) {
        return type.isTopLevelClass() && !type.getSimpleName().equals("package-info")
                && type.getSource().map(s -> s.getUri().toString().contains("/target/classes/")).orElse(false);
    }

    private static boolean hasMain(JavaClass type) {
        return type.getMethods().stream().anyMatch(m -> m.getName().equals("main") && m.getModifiers().contains(JavaModifier.STATIC));
    }

    /** The type or one of its nested types (a sealed type's cases, say) is named in another package. */
    private static boolean usedFromAnotherPackage(JavaClass type) {
        return Stream.concat(Stream.of(type), nested(type))
                .flatMap(t -> t.getDirectDependenciesToSelf().stream())
                .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
    }

    private static Stream<JavaClass> nested(JavaClass type) {
        return StreamSupport.stream(everything.spliterator(), false).filter(t -> t.getName().startsWith(type.getName() + "$"));
    }

    /** The module folders of this class path's reactor entries: {@code .../<module>/target/classes} or its jar. */
    private static List<Path> reactorModules() {
        Set<Path> modules = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = MODULE_OUTPUT.matcher(entry);
            if (m.matches() && Files.isRegularFile(Path.of(m.group(1), "pom.xml"))) {
                modules.add(Path.of(m.group(1)).toAbsolutePath().normalize());
            }
        }
        modules.add(Path.of("").toAbsolutePath());
        return List.copyOf(modules);
    }

    /** A public type used only by a neighbour in its package: what the rule must catch. */
    public static final class Lonely {
    }

    static final class SamePackageUser {
        final Lonely lonely = new Lonely();
    }
}
