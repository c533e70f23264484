package dev.vulcan.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.vulcan.tool.archalpha.AlphaEvaluation;
import dev.vulcan.tool.archalpha.AlphaExits;
import dev.vulcan.tool.archalpha.AlphaOpenClass;
import dev.vulcan.tool.archalpha.AlphaUsesDuckDb;
import dev.vulcan.tool.archbeta.BetaUsesAlpha;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link ArchitectureRules} over the production classes of every module on the test class path (this
 * module's test scope depends on all the others), and shows that each rule catches a class breaking it (the
 * deliberately broken classes of {@code dev.vulcan.tool.archalpha} and {@code archbeta}, test classes, so never imported by the
 * main check).
 */
class ArchitectureRulesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vulcan");
        assertThat(production.containPackage("dev.vulcan.core.tool")).isTrue();
        assertThat(production.containPackage("dev.vulcan.compliance")).isTrue();
    }

    static List<ArchRule> rules() {
        return ArchitectureRules.all();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds_for_every_module(ArchRule rule) {
        rule.check(production);
    }

    private static String violations(ArchRule rule, Class<?>... classes) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
        assertThat(result.hasViolation()).as("violations of " + rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    @Test
    void catches_a_tool_using_duckdb() {
        assertThat(violations(ArchitectureRules.TOOLS_DO_NOT_USE_DUCKDB, AlphaUsesDuckDb.class))
                .contains("AlphaUsesDuckDb").contains("org.duckdb.DuckDBConnection");
    }

    @Test
    void catches_a_tool_using_another_tool() {
        assertThat(violations(ArchitectureRules.TOOLS_ARE_INDEPENDENT, BetaUsesAlpha.class, AlphaOpenClass.class))
                .contains("BetaUsesAlpha").contains("AlphaOpenClass");
    }

    @Test
    void catches_a_public_class_neither_final_nor_extended() {
        assertThat(violations(ArchitectureRules.PUBLIC_CLASSES_ARE_FINAL, AlphaOpenClass.class))
                .contains("AlphaOpenClass is public, concrete, not final and not extended");
    }

    @Test
    void catches_library_code_ending_the_jvm_but_allows_an_evaluation_main() {
        assertThat(violations(ArchitectureRules.NO_EXIT_OUTSIDE_LAUNCHERS, AlphaExits.class, AlphaEvaluation.class))
                .contains("AlphaExits.stop(int)").doesNotContain("AlphaEvaluation");
    }
}
