package dev.vulcan.tool.agents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleIndexTest {

    private static PythonFile file(String path, String source) {
        PythonParser.Parsed parsed = new PythonParser().parse(source.getBytes(StandardCharsets.UTF_8));
        return new PythonFile(path, parsed.root(), parsed.clean());
    }

    @Test
    void follows_an_import_under_a_source_root_and_through_a_relative_package_reexport() {
        PythonFile impl = file("src/crew/tools/market.py", "def quote(t):\n    return t\nTOOLS = [quote]\n");
        PythonFile init = file("src/crew/tools/__init__.py", "from .market import quote, TOOLS\n");
        PythonFile user = file("src/crew/main.py", "from crew.tools import quote, TOOLS as ALL\n");
        ModuleIndex index = ModuleIndex.of(List.of(impl, init, user));
        ModuleIndex.Target fn = index.imported(user, "quote");
        assertThat(fn.file()).isSameAs(impl);
        assertThat(fn.isFunction()).isTrue();
        ModuleIndex.Target list = index.imported(user, "ALL");
        assertThat(list.node().is("list")).isTrue();
    }

    @Test
    void misses_names_that_are_not_imported_or_not_defined_in_the_repository() {
        PythonFile user = file("app.py", "from crewai import Agent\nlocal = 1\n");
        ModuleIndex index = ModuleIndex.of(List.of(user));
        assertThat(index.imported(user, "Agent")).isNull();
        assertThat(index.imported(user, "local")).isNull();
        assertThat(ModuleIndex.EMPTY.imported(user, "Agent")).isNull();
    }

    @Test
    void prefers_the_module_closest_to_the_importing_file_when_a_name_is_ambiguous() {
        PythonFile billing = file("billing/tools.py", "TOOLS = ['charge']\n");
        PythonFile support = file("support/tools.py", "TOOLS = ['search']\n");
        PythonFile user = file("support/crew.py", "from tools import TOOLS\n");
        ModuleIndex index = ModuleIndex.of(List.of(billing, support, user));
        assertThat(index.imported(user, "TOOLS").file()).isSameAs(support);
    }
}
