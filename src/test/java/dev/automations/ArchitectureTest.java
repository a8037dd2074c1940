package dev.automations;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.automations.platform.control.Clock;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of docs/architecture.md, over the compiled main classes: {@code platform} ← engines and {@code metrics} ← {@code audit}/{@code secret} ←
 * {@code security} ← {@code model}/{@code mcp} ← {@code automation}/{@code chat} ← {@code trigger} ← {@code event} ←
 * {@code webhook}/{@code cron} ← {@code agent}/{@code coder}. A package uses only packages of lower levels, and
 * another feature only through its {@code control} package.
 */
@AnalyzeClasses(locations = ArchitectureTest.MainClasses.class)
class ArchitectureTest {

    private static final String ROOT = "dev.automations.";

    /** Lowest first. Packages of one level do not use each other. */
    static final List<Set<String>> LEVELS = List.of(
            Set.of("platform"),
            Set.of("filter", "schedule", "signature", "metrics"),
            Set.of("audit", "secret"),
            Set.of("security"),
            Set.of("model", "mcp"),
            Set.of("automation", "chat"),
            Set.of("trigger"),
            Set.of("event"),
            Set.of("webhook", "cron"),
            Set.of("agent", "coder"));

    /** Plain Java engines: leaf packages with no container in them. */
    static final Set<String> ENGINES = Set.of("filter", "schedule", "signature");

    private static final Set<String> FEATURE_LAYERS = Set.of("boundary", "control", "entity");

    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("dev.automations.(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyPackageHasItsPlace = classes().should(new ArchCondition<>("sit in a known package, as feature.boundary|control|entity or as a flat engine") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            String[] parts = item.getPackageName().substring(ROOT.length()).split("\\.");
            boolean placed = level(parts[0]).isPresent()
                    && (ENGINES.contains(parts[0]) ? parts.length == 1 : parts.length == 2 && FEATURE_LAYERS.contains(parts[1]));
            if (!placed) {
                events.add(SimpleConditionEvent.violated(item, item.getName() + " is not in a package of a known level"));
            }
        }
    });

    @ArchTest
    static final ArchRule dependenciesPointDown = classes().should(dependOnlyWhere("only depend on lower levels",
            (from, to) -> feature(from).equals(feature(to))
                    || level(feature(to)).orElse(Integer.MAX_VALUE) < level(feature(from)).orElse(Integer.MIN_VALUE)));

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughControl = classes().should(dependOnlyWhere(
            "reach another feature only through its control package (platform is shared whole)",
            (from, to) -> feature(from).equals(feature(to)) || feature(to).equals("platform") || ENGINES.contains(feature(to))
                    || layer(to).equals("control")));

    @ArchTest
    static final ArchRule layersPointInward = classes().should(dependOnlyWhere(
            "within a feature, depend boundary → control → entity only",
            (from, to) -> !feature(from).equals(feature(to)) || rank(layer(to)) <= rank(layer(from))));

    @ArchTest
    static final ArchRule enginesArePlainJava = noClasses().that().resideInAnyPackage("dev.automations.filter", "dev.automations.schedule",
                    "dev.automations.signature")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.enterprise..", "jakarta.inject..",
                    "jakarta.ejb..", "jakarta.transaction..", "jakarta.ws.rs..", "jakarta.servlet..", "jakarta.interceptor..",
                    "jakarta.annotation..", "jakarta.validation..", "jakarta.security..", "org.eclipse.microprofile..")
            .because("engines are plain Java, tested without a container");

    /** The main classes only, read from their directory instead of searching the whole class path for the package. */
    static final class MainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of(Location.of(Clock.class.getProtectionDomain().getCodeSource().getLocation()));
        }
    }

    private static ArchCondition<JavaClass> dependOnlyWhere(String description, BiPredicate<JavaClass, JavaClass> allowed) {
        return new ArchCondition<>(description) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.getPackageName().startsWith(ROOT) && !allowed.test(item, target)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String feature(JavaClass type) {
        return type.getPackageName().substring(ROOT.length()).split("\\.")[0];
    }

    /** An engine's classes count as its control: they are what others may use. */
    private static String layer(JavaClass type) {
        String[] parts = type.getPackageName().substring(ROOT.length()).split("\\.");
        return parts.length > 1 ? parts[1] : "control";
    }

    private static int rank(String layer) {
        return switch (layer) {
            case "entity" -> 0;
            case "control" -> 1;
            default -> 2;
        };
    }

    private static Optional<Integer> level(String feature) {
        for (int i = 0; i < LEVELS.size(); i++) {
            if (LEVELS.get(i).contains(feature)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
