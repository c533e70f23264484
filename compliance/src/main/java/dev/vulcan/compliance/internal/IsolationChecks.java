package dev.vulcan.compliance.internal;

import dev.vulcan.compliance.CheckId;
import dev.vulcan.compliance.CheckResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The isolation check: a tool depends on vulcan-core only (ARCHITECTURE.md). Two sources are read:
 * <ol>
 *   <li>the dependencies the module's {@code pom.xml} declares, in every scope (test scope included);</li>
 *   <li>the resolved runtime dependency tree as the executable jar embeds it: the shade plugin copies the
 *       {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} of every artifact it includes, and the classes
 *       themselves ({@code org/duckdb/}, {@code dev/vulcan/sot/}, {@code dev/vulcan/orchestrator/}, another
 *       tool's {@code dev/vulcan/tool/PKG/}) and DuckDB's native library are looked for too.</li>
 * </ol>
 * The Maven enforcer of {@code tools/pom.xml} bans the same artifacts transitively in every scope at build
 * time; this check proves it of the artifact that is actually shipped, without running Maven.
 */
public final class IsolationChecks {

    private IsolationChecks() {
    }

    /**
     * Runs the isolation check.
     *
     * @param subject the tool
     * @return the result
     */
    public static CheckResult run(Subject subject) {
        ToolModule module = subject.module();
        List<String> banned = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (!Files.isRegularFile(module.pom())) {
            return CheckResult.fail(CheckId.DEPENDENCIES, "pom.xml is missing", List.of());
        }
        try {
            List<String> declared = declaredDependencies(module.pom());
            evidence.add("pom.xml declares: " + (declared.isEmpty() ? "(none)" : String.join(", ", declared)));
            declared.stream().filter(d -> isBanned(d, module.name()))
                    .forEach(d -> banned.add("pom.xml declares " + d));
        } catch (IOException | SAXException | ParserConfigurationException e) {
            return CheckResult.fail(CheckId.DEPENDENCIES, "pom.xml cannot be read: " + e.getMessage(), List.of());
        }
        if (subject.jarUsable()) {
            try (JarFile jar = new JarFile(module.jar().toFile())) {
                String own = ownToolPackage(jar);
                TreeSet<String> embedded = new TreeSet<>();
                TreeSet<String> bannedClasses = new TreeSet<>();
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                        Properties props = new Properties();
                        try (InputStream in = jar.getInputStream(entry)) {
                            props.load(in);
                        }
                        embedded.add(props.getProperty("groupId", "?") + ":" + props.getProperty("artifactId", "?"));
                    }
                    bannedPackage(name, own).ifPresent(bannedClasses::add);
                }
                evidence.add("jar embeds " + embedded.size() + " artifact(s): " + String.join(", ", embedded));
                embedded.stream().filter(a -> isBanned(a, module.name()))
                        .forEach(a -> banned.add("the jar embeds " + a));
                bannedClasses.forEach(p -> banned.add("the jar contains " + p));
            } catch (IOException e) {
                return CheckResult.fail(CheckId.DEPENDENCIES, "cannot read the jar: " + e.getMessage(), evidence);
            }
        } else {
            evidence.add("no executable jar: only pom.xml was read (see structure.tool_jar)");
        }
        if (!banned.isEmpty()) {
            return CheckResult.fail(CheckId.DEPENDENCIES, "the tool depends on " + banned.get(0)
                    .replaceFirst("^(pom.xml declares|the jar embeds|the jar contains) ", "") + " ("
                    + banned.get(0) + "); a tool depends on vulcan-core only", mergedEvidence(banned, evidence));
        }
        return CheckResult.pass(CheckId.DEPENDENCIES, "no DuckDB, vulcan-sot, vulcan-orchestrator or other tool",
                evidence);
    }

    private static List<String> mergedEvidence(List<String> banned, List<String> evidence) {
        List<String> all = new ArrayList<>(banned);
        all.addAll(evidence);
        return all;
    }

    /**
     * Tells whether a {@code groupId:artifactId} is banned for a tool.
     *
     * @param coordinates the coordinates
     * @param toolName the tool
     * @return true for DuckDB, vulcan-sot, vulcan-orchestrator and any other tool
     */
    static boolean isBanned(String coordinates, String toolName) {
        String[] ga = coordinates.split(":", -1);
        String group = ga[0];
        String artifact = ga.length > 1 ? ga[1] : "";
        if (group.equals("org.duckdb") || group.startsWith("org.duckdb.")) {
            return true;
        }
        if (!group.equals("dev.vulcan")) {
            return false;
        }
        return artifact.equals("vulcan-sot") || artifact.equals("vulcan-orchestrator")
                || (artifact.startsWith("vulcan-tool-") && !artifact.equals("vulcan-tool-" + toolName));
    }

    private static java.util.Optional<String> bannedPackage(String entry, String ownToolPackage) {
        if (entry.startsWith("org/duckdb/")) {
            return java.util.Optional.of("org/duckdb/ (DuckDB)");
        }
        if (entry.contains("libduckdb_java")) {
            return java.util.Optional.of("DuckDB's native library " + entry);
        }
        if (entry.startsWith("dev/vulcan/sot/")) {
            return java.util.Optional.of("dev/vulcan/sot/ (vulcan-sot)");
        }
        if (entry.startsWith("dev/vulcan/orchestrator/")) {
            return java.util.Optional.of("dev/vulcan/orchestrator/ (vulcan-orchestrator)");
        }
        if (entry.startsWith("dev/vulcan/tool/") && entry.endsWith(".class")) {
            String rest = entry.substring("dev/vulcan/tool/".length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                String pkg = rest.substring(0, slash);
                if (!pkg.equals(ownToolPackage)) {
                    return java.util.Optional.of("dev/vulcan/tool/" + pkg + "/ (another tool)");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Returns the tool's own package segment under dev.vulcan.tool, from its Main-Class. */
    private static String ownToolPackage(JarFile jar) throws IOException {
        String main = jar.getManifest() == null ? "" : String.valueOf(jar.getManifest().getMainAttributes()
                .getValue("Main-Class"));
        String prefix = "dev.vulcan.tool.";
        if (!main.startsWith(prefix)) {
            return "";
        }
        String rest = main.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }

    /**
     * Returns the {@code groupId:artifactId} of every dependency a pom declares (its {@code <dependencies>},
     * not its {@code <dependencyManagement>}).
     *
     * @param pom the pom file
     * @return the coordinates, in declaration order
     * @throws IOException if the file cannot be read
     * @throws SAXException if it is not XML
     * @throws ParserConfigurationException if no safe XML parser is available
     */
    static List<String> declaredDependencies(Path pom) throws IOException, SAXException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        Document doc;
        try (InputStream in = Files.newInputStream(pom)) {
            doc = factory.newDocumentBuilder().parse(in);
        }
        List<String> result = new ArrayList<>();
        NodeList dependencies = doc.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            Node parent = dependency.getParentNode();
            Node grand = parent == null ? null : parent.getParentNode();
            if (grand != null && "dependencyManagement".equals(grand.getNodeName())) {
                continue;
            }
            if (grand != null && "plugin".equals(grand.getNodeName())) {
                continue;
            }
            result.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
        return result;
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
