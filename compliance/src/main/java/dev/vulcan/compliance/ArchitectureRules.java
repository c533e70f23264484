package dev.vulcan.compliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The architecture rules of the whole code base (ARCHITECTURE.md, "Rules that hold everywhere"), checked with
 * ArchUnit over the classes of every module. A thin test imports the production classes of all modules
 * ({@code dev.vulcan..}) and checks {@link #all()}; the Maven enforcer checks the same boundaries on the
 * dependency graph.
 *
 * <p>Rules about a module that is not on the classpath hold trivially ({@code allowEmptyShould}), so the rules
 * can be checked while a module is still being written.
 */
public final class ArchitectureRules {

    /** Tool packages: {@code dev.vulcan.tool.<name>..}. */
    public static final String TOOLS = "dev.vulcan.tool..";
    /** vulcan-core. */
    public static final String CORE = "dev.vulcan.core..";
    /** vulcan-sot. */
    public static final String SOT = "dev.vulcan.sot..";
    /** vulcan-orchestrator. */
    public static final String ORCHESTRATOR = "dev.vulcan.orchestrator..";
    /** DuckDB's JDBC driver. */
    public static final String DUCKDB = "org.duckdb..";

    /**
     * The classes allowed to call {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}, each with
     * the reason. Only process entry points whose exit status is a contract may end the JVM; everything else
     * returns a status or throws, so that the orchestrator can run the same code in-process. Besides these, a
     * tool's evaluation entry point may exit from its {@code main(String[])}: see {@link #NO_EXIT_OUTSIDE_LAUNCHERS}.
     */
    public static final Set<String> EXIT_ALLOWED = Set.of(
            // The standard CLI of every tool jar: the exit status (ExitCode) is the tool contract that make,
            // the orchestrator's process backend and CI read.
            "dev.vulcan.core.tool.ToolLauncher",
            // The entry point of `make validate` (tools/tool.mk): its exit status tells make whether an
            // artifact is valid.
            "dev.vulcan.core.artifact.ValidateArtifact",
            // The entry point of `make evaluate` (tools/tool.mk): its exit status tells make and CI whether the
            // scorecard was produced from usable ground truth.
            "dev.vulcan.core.eval.Evaluation",
            // The vulcan-compliance CLI: CI fails the build on its non-zero exit status.
            "dev.vulcan.compliance.ComplianceCli",
            // The `vulcan` CLI (bin/vulcan): its exit status is the product's command-line contract.
            "dev.vulcan.orchestrator.cli.VulcanCli",
            // The child-JVM entry point of the orchestrator's process backend: the parent reads the tool's exit
            // status (ExitCode) from the process, and must get 2 for an unknown tool name.
            "dev.vulcan.orchestrator.exec.ToolProcessMain",
            // The vulcan-telemetry CLI: `validate` exits 1 when an S-check fails, which gates the fleet scan's
            // data delivery; `ping` exits 2 on bad input.
            "dev.vulcan.telemetry.TelemetryCli");

    /** Tools do not depend on each other. */
    public static final ArchRule TOOLS_ARE_INDEPENDENT = slices().matching("dev.vulcan.tool.(*)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true)
            .because("a tool depends on vulcan-core only; tools are found at run time through the Tool SPI");

    /** Tools do not touch DuckDB. */
    public static final ArchRule TOOLS_DO_NOT_USE_DUCKDB = noClasses().that().resideInAPackage(TOOLS)
            .should().dependOnClassesThat().resideInAPackage(DUCKDB)
            .allowEmptyShould(true)
            .because("tools produce artifacts only; vulcan-sot is the only DuckDB writer");

    /** Tools do not depend on the SoT engine. */
    public static final ArchRule TOOLS_DO_NOT_USE_SOT = noClasses().that().resideInAPackage(TOOLS)
            .should().dependOnClassesThat().resideInAPackage(SOT)
            .allowEmptyShould(true)
            .because("tools produce artifacts only; the SoT engine imports them");

    /** Tools do not depend on the orchestrator. */
    public static final ArchRule TOOLS_DO_NOT_USE_ORCHESTRATOR = noClasses().that().resideInAPackage(TOOLS)
            .should().dependOnClassesThat().resideInAPackage(ORCHESTRATOR)
            .allowEmptyShould(true)
            .because("the orchestrator runs tools, never the other way round");

    /** vulcan-core knows nothing of tools, the SoT engine, the orchestrator or DuckDB. */
    public static final ArchRule CORE_IS_INDEPENDENT = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, SOT, ORCHESTRATOR, DUCKDB,
                    "dev.vulcan.compliance..", "dev.vulcan.telemetry..")
            .allowEmptyShould(true)
            .because("vulcan-core holds primitives only (ARCHITECTURE.md)");

    /** The orchestrator reaches tools only through the Tool SPI. */
    public static final ArchRule ORCHESTRATOR_USES_TOOLS_THROUGH_SPI = noClasses().that().resideInAPackage(ORCHESTRATOR)
            .should().dependOnClassesThat().resideInAPackage(TOOLS)
            .allowEmptyShould(true)
            .because("tools are runtime-scope dependencies of the orchestrator, found with ServiceLoader "
                    + "(dev.vulcan.core.tool.Tool)");

    /** The SoT engine does not depend on tool classes: adapters carry their own contract. */
    public static final ArchRule SOT_DOES_NOT_USE_TOOLS = noClasses().that().resideInAPackage(SOT)
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, ORCHESTRATOR)
            .allowEmptyShould(true)
            .because("vulcan-sot depends on core and DuckDB only (ARCHITECTURE.md)");

    /** vulcan-telemetry builds pings from tool artifacts (JSON), never from tool, engine or DuckDB classes. */
    public static final ArchRule TELEMETRY_IS_INDEPENDENT = noClasses().that().resideInAPackage("dev.vulcan.telemetry..")
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS, SOT, ORCHESTRATOR, DUCKDB)
            .allowEmptyShould(true)
            .because("vulcan-telemetry depends on core and JGraphT only (ARCHITECTURE.md)");

    /**
     * Public concrete classes are final unless they are meant for extension, which a class shows by being
     * extended in the code base. Interfaces, enums, records, annotations and abstract classes are not
     * concerned; neither are classes generated by JMH ({@code ..jmh_generated..}), which JMH must subclass.
     */
    public static final ArchRule PUBLIC_CLASSES_ARE_FINAL = classes()
            .that().arePublic()
            .and().resideInAPackage("dev.vulcan..")
            .and().resideOutsideOfPackage("..jmh_generated..")
            .and().areNotInterfaces()
            .and().areNotEnums()
            .and().areNotRecords()
            .and().areNotAnnotations()
            .and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should(beFinalUnlessExtended())
            .allowEmptyShould(true)
            .because("a public class not designed for extension is final (Effective Java, item 19)");

    /**
     * Only launcher classes end the JVM: the classes of {@link #EXIT_ALLOWED}, and the {@code main(String[])}
     * of a tool's evaluation entry point (a class of {@code dev.vulcan.tool..} whose name ends with
     * {@code Evaluation}), because tools/tool.mk runs it as the process of {@code make evaluate}
     * ({@code EVAL_MAIN_CLASS}) and make and CI read its exit status.
     */
    public static final ArchRule NO_EXIT_OUTSIDE_LAUNCHERS = noClasses()
            .that().resideInAPackage("dev.vulcan..")
            .should(endTheJvmOutsideLaunchers())
            .allowEmptyShould(true)
            .because("library code returns an exit status or throws; only process entry points exit "
                    + "(ArchitectureRules.EXIT_ALLOWED lists them with the reason)");

    private ArchitectureRules() {
    }

    /**
     * Returns every rule, in a stable order.
     *
     * @return the rules
     */
    public static List<ArchRule> all() {
        return List.of(TOOLS_ARE_INDEPENDENT, TOOLS_DO_NOT_USE_DUCKDB, TOOLS_DO_NOT_USE_SOT,
                TOOLS_DO_NOT_USE_ORCHESTRATOR, CORE_IS_INDEPENDENT, ORCHESTRATOR_USES_TOOLS_THROUGH_SPI,
                SOT_DOES_NOT_USE_TOOLS, TELEMETRY_IS_INDEPENDENT, PUBLIC_CLASSES_ARE_FINAL, NO_EXIT_OUTSIDE_LAUNCHERS);
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static ArchCondition<JavaClass> beFinalUnlessExtended() {
        return new ArchCondition<>("be final unless a class of the code base extends them") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean isFinal = c.getModifiers().contains(JavaModifier.FINAL);
                boolean extended = !c.getSubclasses().isEmpty();
                boolean ok = isFinal || extended;
                events.add(new SimpleConditionEvent(c, ok, c.getName()
                        + (ok ? " is final or extended" : " is public, concrete, not final and not extended in "
                                + c.getSource().map(Object::toString).orElse("(unknown source)"))));
            }
        };
    }

    private static ArchCondition<JavaClass> endTheJvmOutsideLaunchers() {
        return new ArchCondition<>("call System.exit, Runtime.exit or Runtime.halt outside a launcher") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean exits = (owner.equals("java.lang.System") && name.equals("exit"))
                            || (owner.equals("java.lang.Runtime") && (name.equals("exit") || name.equals("halt")));
                    if (exits && !isLauncher(c, call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isLauncher(JavaClass c, JavaMethodCall call) {
        JavaClass outer = outermost(c);
        if (EXIT_ALLOWED.contains(outer.getName())) {
            return true;
        }
        boolean evaluationMain = call.getOrigin().getName().equals("main")
                && call.getOrigin().getRawParameterTypes().size() == 1
                && call.getOrigin().getRawParameterTypes().get(0).getName().equals("[Ljava.lang.String;");
        return evaluationMain && c.equals(outer) && c.getPackageName().startsWith("dev.vulcan.tool.")
                && c.getSimpleName().endsWith("Evaluation");
    }
}
