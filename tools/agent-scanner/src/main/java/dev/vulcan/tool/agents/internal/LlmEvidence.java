package dev.vulcan.tool.agents.internal;

import dev.vulcan.tool.agents.Framework;
import dev.vulcan.tool.agents.ProviderConfidence;
import java.util.List;

/** LLM provider evidence of one file: client classes, model strings, model keys in dicts and environment reads. */
final class LlmEvidence {

    private final FileScope s;

    LlmEvidence(FileScope s) {
        this.s = s;
    }

    void providers() {
        for (PyNode call : s.f.calls) {
            String q = s.q(call);
            if (q == null) {
                continue;
            }
            String last = PythonFile.last(q);
            String p = q.contains(".") ? Providers.ofClass(last) : null;
            if (p != null) {
                String model = s.modelString(call);
                model(p, model, call);
            } else if (last.equals("LLM") && s.isFw(q, Framework.CREWAI)) {
                String m = s.modelString(call);
                String prov = Providers.ofModel(m);
                if (prov != null) {
                    model(prov, m, call);
                }
            } else if (last.equals("init_chat_model") || last.equals("create_react_agent") && q.contains(".")) {
                // LangChain init_chat_model("anthropic:claude-...") / ("gpt-4o", model_provider="openai") and a
                // LangGraph prebuilt agent given a "provider:model" string
                String m = s.f.string(PythonFile.arg(call, "model", 0));
                if (m != null && Providers.plausibleModel(m)) {
                    String prov = Providers.ofModel(m);
                    if (prov == null) {
                        prov = Providers.ofProviderCode(s.f.string(PythonFile.kwarg(call, "model_provider")));
                    }
                    if (prov != null) {
                        model(prov, m, call);
                    }
                }
            } else if ((q.equals("os.getenv") || q.equals("os.environ.get") || q.equals("getenv"))) {
                String name = s.f.string(PythonFile.positional(call, 0));
                envName(name);
            }
            for (String kw : List.of("model", "model_name", "llm")) {
                String m = s.f.string(PythonFile.kwarg(call, kw));
                String prov = Providers.ofModel(m);
                if (prov != null) {
                    model(prov, m, call);
                }
            }
        }
        s.f.root.walk(n -> {
            if (n.is("pair")) {
                PyNode k = n.child("key");
                if (k != null && "model".equals(k.stringValue())) {
                    String m = s.f.string(n.child("value"));
                    String prov = Providers.ofModel(m);
                    if (prov != null) {
                        model(prov, m, n);
                    }
                }
            } else if (n.is("subscript")) {
                PyNode v = n.child("value");
                PyNode key = n.child("subscript");
                if (v != null && key != null && s.f.qualify(v.text()).equals("os.environ")) {
                    envName(key.stringValue());
                }
            }
        });
    }

    void model(String provider, String modelName, PyNode at) {
        s.x.model.provider(provider, ProviderConfidence.DETECTED, modelName, s.loc(at));
    }

    void envName(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return;
        }
        s.x.model.envVar(name, s.f.path);
    }
}
