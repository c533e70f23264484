package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.CrewProcess;
import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.GuardrailKind;
import dev.vulcan.tool.agents.ProviderConfidence;
import dev.vulcan.tool.agents.ToolSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** CrewAI extraction of one file: @CrewBase classes with their YAML configs, Agent/Task/Crew calls, task guardrails and the sequential flow. */
final class CrewAiExtraction {

    private final FileScope s;

    CrewAiExtraction(FileScope s) {
        this.s = s;
    }

    void crewBase(PyNode cls) {
        String className = PythonFile.nameOf(cls);
        PyNode body = cls.child("body");
        if (body == null) {
            return;
        }
        String agentsDecl = "config/agents.yaml";
        String tasksDecl = "config/tasks.yaml";
        List<PyNode> agentMethods = new ArrayList<>();
        List<PyNode> taskMethods = new ArrayList<>();
        PyNode crewMethod = null;
        for (PyNode stmt : body.children()) {
            if (stmt.is("expression_statement") && !stmt.children().isEmpty()
                    && stmt.children().get(0).is("assignment")) {
                PyNode a = stmt.children().get(0);
                PyNode left = a.child("left");
                String v = s.f.string(a.child("right"));
                if (left != null && v != null && left.text().equals("agents_config")) {
                    agentsDecl = v;
                } else if (left != null && v != null && left.text().equals("tasks_config")) {
                    tasksDecl = v;
                }
            }
            if (stmt.is("decorated_definition")) {
                PyNode def = stmt.child("definition");
                if (def == null || !def.is("function_definition")) {
                    continue;
                }
                for (String d : s.f.decorators(def)) {
                    switch (PythonFile.last(d)) {
                        case "agent" -> agentMethods.add(def);
                        case "task" -> taskMethods.add(def);
                        case "crew" -> crewMethod = def;
                        default -> {
                        }
                    }
                }
            }
        }
        List<String> agentNames = agentMethods.stream().map(PythonFile::nameOf).toList();
        List<String> taskNames = taskMethods.stream().map(PythonFile::nameOf).toList();
        String agentsYaml = s.x.configs.locate(agentsDecl, s.f.path, agentNames, false);
        String tasksYaml = s.x.configs.locate(tasksDecl, s.f.path, taskNames, true);
        if (agentsYaml != null) {
            s.x.configs.consume(agentsYaml);
        }
        if (tasksYaml != null) {
            s.x.configs.consume(tasksYaml);
        }
        PyNode crewCall = crewMethod == null ? null : s.firstCall(crewMethod, "Crew");
        CrewProcess process = process(crewCall);
        ScanModel.Crew crew = s.x.model.crew(Framework.CREWAI, s.f.path, className, cls.line(), process);
        s.x.model.framework(Framework.CREWAI, "import", s.f.path, null);
        Map<String, ScanModel.Agent> byMethod = new LinkedHashMap<>();
        for (PyNode m : agentMethods) {
            String name = PythonFile.nameOf(m);
            ScanModel.Agent a = s.x.model.agent(Framework.CREWAI, s.f.path, name, m.line());
            PyNode call = s.firstCall(m, "Agent");
            CrewConfigs.Entry yaml = agentsYaml == null ? null : s.x.configs.agentsAt(agentsYaml).get(configKey(call, name));
            if (yaml != null) {
                yamlAgent(a, yaml, agentsYaml);
            }
            if (call != null) {
                s.handled.add(call);
                crewAgentKwargs(a, call);
            }
            byMethod.put(name, a);
            s.agentVars.put(name, a);
            s.fileAgents.add(a);
            s.x.model.addMember(crew, a);
        }
        List<PythonExtractor.Task> tasks = new ArrayList<>();
        for (PyNode m : taskMethods) {
            String name = PythonFile.nameOf(m);
            PyNode call = s.firstCall(m, "Task");
            if (call != null) {
                s.handled.add(call);
            }
            CrewConfigs.Entry yaml = tasksYaml == null ? null : s.x.configs.tasksAt(tasksYaml).get(configKey(call, name));
            ScanModel.Agent agent = null;
            PyNode agentArg = call == null ? null : PythonFile.kwarg(call, "agent");
            if (agentArg != null) {
                agent = s.agentRef(agentArg);
            }
            if (agent == null && yaml != null && yaml.node().path("agent").isString()) {
                agent = byMethod.get(yaml.node().path("agent").asString());
            }
            List<String> context = new ArrayList<>();
            if (yaml != null && yaml.node().path("context").isArray()) {
                yaml.node().path("context").forEach(c -> context.add(c.asString()));
            }
            PythonExtractor.Task task = new PythonExtractor.Task(name, agent, context, call);
            tasks.add(task);
            s.taskVars.put(name, task);
            if (yaml != null && agent != null) {
                yamlTaskGuards(yaml, agent, tasksYaml);
            }
            if (call != null && agent != null) {
                taskKwargs(call, agent);
            }
        }
        if (crewCall != null) {
            s.handled.add(crewCall);
            crewKwargs(crew, crewCall);
        }
        flow(crew, tasks);
    }

    String configKey(PyNode call, String fallback) {
        if (call != null) {
            PyNode cfg = PythonFile.kwarg(call, "config");
            if (cfg != null && cfg.is("subscript")) {
                String key = cfg.child("subscript") == null ? null : cfg.child("subscript").stringValue();
                if (key != null) {
                    return key;
                }
            }
        }
        return fallback;
    }

    void yamlAgent(ScanModel.Agent a, CrewConfigs.Entry yaml, String yamlPath) {
        JsonNode n = yaml.node();
        if (n.path("role").isString()) {
            a.role = n.path("role").asString().trim();
        }
        if (n.path("llm").isString()) {
            String m = n.path("llm").asString().trim();
            String p = Providers.ofModel(m);
            a.llm = new ScanModel.LlmRef(p, m);
            if (p != null) {
                s.x.model.provider(p, ProviderConfidence.DETECTED, m, new ScanModel.Location(yamlPath, yaml.line()));
            }
        }
        if (n.path("allow_delegation").asBoolean(false)) {
            a.allowDelegation = true;
        }
        if (n.path("tools").isArray()) {
            for (JsonNode t : n.path("tools")) {
                if (t.isString()) {
                    a.toolIds.add(s.x.toolByName(t.asString(), new ScanModel.Location(yamlPath, yaml.line())).id);
                }
            }
        }
        if (n.path("max_rpm").isNumber()) {
            s.guard(GuardrailKind.RATE_LIMIT, "max_rpm", new ScanModel.Location(yamlPath, yaml.line()), a.id);
        }
        if (n.path("max_iter").isNumber()) {
            s.guard(GuardrailKind.RECURSION_LIMIT, "max_iter", new ScanModel.Location(yamlPath, yaml.line()), a.id);
        }
    }

    void yamlTaskGuards(CrewConfigs.Entry yaml, ScanModel.Agent agent, String yamlPath) {
        ScanModel.Location l = new ScanModel.Location(yamlPath, yaml.line());
        if (yaml.node().path("human_input").asBoolean(false)) {
            s.guard(GuardrailKind.HUMAN_IN_THE_LOOP, "human_input: true", l, agent.id);
        }
        if (yaml.node().has("output_pydantic") || yaml.node().has("output_json") || yaml.node().has("guardrail")) {
            s.guard(GuardrailKind.OUTPUT_VALIDATION, "task output validation", l, agent.id);
        }
    }

    void crewAgentKwargs(ScanModel.Agent a, PyNode call) {
        String role = s.f.string(PythonFile.kwarg(call, "role"));
        if (role != null) {
            a.role = role;
        }
        PyNode toolsArg = PythonFile.kwarg(call, "tools");
        if (toolsArg != null) {
            s.tools(toolsArg).forEach(t -> a.toolIds.add(t.id));
        }
        ScanModel.LlmRef llm = s.llm(PythonFile.kwarg(call, "llm"));
        if (llm != null) {
            a.llm = llm;
        }
        PyNode deleg = PythonFile.kwarg(call, "allow_delegation");
        if (deleg != null && deleg.is("true")) {
            a.allowDelegation = true;
        }
        s.kwargGuard(call, "human_input", GuardrailKind.HUMAN_IN_THE_LOOP, a.id);
        s.kwargGuard(call, "max_rpm", GuardrailKind.RATE_LIMIT, a.id);
        s.kwargGuard(call, "max_iter", GuardrailKind.RECURSION_LIMIT, a.id);
        PyNode code = PythonFile.kwarg(call, "allow_code_execution");
        if (code != null && code.is("true")) {
            ScanModel.Tool t = s.x.model.tool("code_execution", ToolSource.BUILTIN, s.loc(call));
            t.capabilities.add(Capability.CODE_EXEC);
            a.toolIds.add(t.id);
        }
    }

    void taskCall(PyNode call) {
        String q = s.q(call);
        if (q == null || !s.isFw(q, Framework.CREWAI) || !PythonFile.last(q).equals("Task")) {
            return;
        }
        s.handled.add(call);
        String var = PythonFile.assignedName(call);
        ScanModel.Agent agent = s.agentRef(PythonFile.kwarg(call, "agent"));
        List<String> context = new ArrayList<>();
        for (PyNode c : s.f.elements(PythonFile.kwarg(call, "context"))) {
            context.add(PythonFile.last(c.text()));
        }
        PythonExtractor.Task t = new PythonExtractor.Task(var != null ? var : "task_" + call.line(), agent, context, call);
        s.taskVars.put(t.name(), t);
        if (agent != null) {
            taskKwargs(call, agent);
        }
    }

    void taskKwargs(PyNode call, ScanModel.Agent agent) {
        s.kwargGuard(call, "human_input", GuardrailKind.HUMAN_IN_THE_LOOP, agent.id);
        for (String kw : List.of("output_pydantic", "output_json", "guardrail", "guardrails")) {
            s.kwargGuard(call, kw, GuardrailKind.OUTPUT_VALIDATION, agent.id);
        }
        PyNode toolsArg = PythonFile.kwarg(call, "tools");
        if (toolsArg != null) {
            s.tools(toolsArg).forEach(t -> agent.toolIds.add(t.id));
        }
    }

    CrewProcess process(PyNode crewCall) {
        if (crewCall == null) {
            return CrewProcess.SEQUENTIAL;
        }
        PyNode p = PythonFile.kwarg(crewCall, "process");
        return p != null && p.text().contains("hierarchical") ? CrewProcess.HIERARCHICAL : CrewProcess.SEQUENTIAL;
    }

    void crewKwargs(ScanModel.Crew crew, PyNode call) {
        PyNode manager = PythonFile.kwarg(call, "manager_agent");
        if (manager != null) {
            ScanModel.Agent m = s.agentRef(manager);
            if (m != null) {
                crew.managerAgentId = m.id;
                s.x.model.addMember(crew, m);
            }
        }
        crew.managerLlm = s.llm(PythonFile.kwarg(call, "manager_llm"));
        if (PythonFile.kwarg(call, "max_rpm") != null) {
            for (String id : crew.agentIds) {
                s.kwargGuard(call, "max_rpm", GuardrailKind.RATE_LIMIT, id);
            }
        }
    }

    void flow(ScanModel.Crew crew, List<PythonExtractor.Task> tasks) {
        for (PythonExtractor.Task t : tasks) {
            if (t.agent() != null) {
                crew.flow.add(t.agent().id);
            }
        }
        if (crew.flow.isEmpty() && crew.process == CrewProcess.SEQUENTIAL) {
            crew.flow.addAll(crew.agentIds);
        }
        Map<String, PythonExtractor.Task> byName = new HashMap<>();
        tasks.forEach(t -> byName.put(t.name(), t));
        for (PythonExtractor.Task t : tasks) {
            for (String c : t.context()) {
                PythonExtractor.Task src = byName.get(c);
                if (src != null && src.agent() != null && t.agent() != null) {
                    s.x.contextEdges.computeIfAbsent(crew.id, k -> new LinkedHashSet<>())
                            .add(src.agent().id + "\n" + t.agent().id);
                }
            }
        }
    }
}
