package dev.vulcan.tool.agents.internal;

import java.util.Locale;
import java.util.Map;

/** Maps LLM client classes, model strings and API-key variable names to provider names. */
public final class Providers {

    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("ChatOpenAI", "openai"), Map.entry("OpenAI", "openai"), Map.entry("AsyncOpenAI", "openai"),
            Map.entry("OpenAIChatCompletionClient", "openai"), Map.entry("OpenAIEmbeddings", "openai"),
            Map.entry("OpenAIChatCompletionsModel", "openai"), Map.entry("OpenAIResponsesModel", "openai"),
            Map.entry("AzureChatOpenAI", "azure_openai"), Map.entry("AzureOpenAI", "azure_openai"),
            Map.entry("AzureOpenAIChatCompletionClient", "azure_openai"),
            Map.entry("ChatAnthropic", "anthropic"), Map.entry("Anthropic", "anthropic"),
            Map.entry("AsyncAnthropic", "anthropic"), Map.entry("AnthropicChatCompletionClient", "anthropic"),
            Map.entry("ChatGoogleGenerativeAI", "google"), Map.entry("ChatVertexAI", "google"),
            Map.entry("GenerativeModel", "google"), Map.entry("ChatMistralAI", "mistral"),
            Map.entry("ChatGroq", "groq"), Map.entry("Groq", "groq"), Map.entry("ChatOllama", "ollama"),
            Map.entry("Ollama", "ollama"), Map.entry("OllamaChatCompletionClient", "ollama"),
            Map.entry("ChatCohere", "cohere"), Map.entry("ChatBedrock", "aws_bedrock"),
            Map.entry("BedrockChat", "aws_bedrock"), Map.entry("ChatBedrockConverse", "aws_bedrock"),
            Map.entry("ChatDeepSeek", "deepseek"), Map.entry("ChatTogether", "together"),
            Map.entry("ChatFireworks", "fireworks"));

    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("openai", "openai"), Map.entry("anthropic", "anthropic"), Map.entry("gemini", "google"),
            Map.entry("google", "google"), Map.entry("vertex_ai", "google"), Map.entry("groq", "groq"),
            Map.entry("ollama", "ollama"), Map.entry("ollama_chat", "ollama"), Map.entry("mistral", "mistral"),
            Map.entry("azure", "azure_openai"), Map.entry("bedrock", "aws_bedrock"), Map.entry("deepseek", "deepseek"),
            Map.entry("together_ai", "together"), Map.entry("cohere", "cohere"), Map.entry("openrouter", "openrouter"),
            Map.entry("fireworks_ai", "fireworks"), Map.entry("fireworks", "fireworks"),
            Map.entry("google_genai", "google"), Map.entry("google_vertexai", "google"),
            Map.entry("azure_openai", "azure_openai"), Map.entry("bedrock_converse", "aws_bedrock"),
            Map.entry("mistralai", "mistral"), Map.entry("together", "together"));

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("OPENAI_API_KEY", "openai"), Map.entry("AZURE_OPENAI_API_KEY", "azure_openai"),
            Map.entry("ANTHROPIC_API_KEY", "anthropic"), Map.entry("GOOGLE_API_KEY", "google"),
            Map.entry("GEMINI_API_KEY", "google"), Map.entry("MISTRAL_API_KEY", "mistral"),
            Map.entry("GROQ_API_KEY", "groq"), Map.entry("COHERE_API_KEY", "cohere"),
            Map.entry("DEEPSEEK_API_KEY", "deepseek"), Map.entry("TOGETHER_API_KEY", "together"),
            Map.entry("FIREWORKS_API_KEY", "fireworks"), Map.entry("OPENROUTER_API_KEY", "openrouter"));

    private Providers() {
    }

    /**
     * Returns the provider of an LLM client class, or null.
     *
     * @param className the class's simple name
     * @return the provider or null
     */
    public static String ofClass(String className) {
        return CLASSES.get(className);
    }

    /**
     * Returns the provider of a model string ({@code gpt-4o}, {@code anthropic/claude-3-5-sonnet},
     * {@code anthropic:claude-3-5-sonnet-latest}...), or null when the string names no known provider.
     *
     * @param model the model string
     * @return the provider or null
     */
    public static String ofModel(String model) {
        if (model == null) {
            return null;
        }
        String m = model.trim().toLowerCase(Locale.ROOT);
        int colon = m.indexOf(':');
        if (colon > 0) {
            // LangChain init_chat_model / LangGraph "provider:model"; an unknown prefix is a model tag (llama3:8b)
            String p = PREFIXES.get(m.substring(0, colon));
            if (p != null) {
                return p;
            }
        }
        int slash = m.indexOf('/');
        if (slash > 0) {
            String p = PREFIXES.get(m.substring(0, slash));
            if (p != null) {
                return p;
            }
            m = m.substring(slash + 1);
        }
        if (m.startsWith("gpt-") || m.startsWith("gpt4") || m.matches("^o[1345](-.*)?$") || m.startsWith("chatgpt")
                || m.startsWith("text-embedding") || m.startsWith("davinci")) {
            return "openai";
        }
        if (m.startsWith("claude")) {
            return "anthropic";
        }
        if (m.startsWith("gemini")) {
            return "google";
        }
        if (m.startsWith("mistral") || m.startsWith("mixtral") || m.startsWith("codestral")) {
            return "mistral";
        }
        if (m.startsWith("command-r")) {
            return "cohere";
        }
        if (m.startsWith("deepseek")) {
            return "deepseek";
        }
        return null;
    }

    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,79}$");
    private static final java.util.regex.Pattern KEY_LIKE = java.util.regex.Pattern.compile(
            "^(sk-|sk_|rk_|pk_|ghp_|gho_|ghs_|github_pat_|xox[abpr]-|AKIA|ASIA|AIza|hf_|gsk_)");

    /**
     * Tells whether a string may be copied as a model name: a short identifier-like string that does not look
     * like an API key or token (so a secret passed where a model was expected never reaches the output).
     *
     * @param value the candidate
     * @return true when it looks like a model name
     */
    public static boolean plausibleModel(String value) {
        if (value == null || !MODEL.matcher(value).matches()) {
            return false;
        }
        for (String segment : value.split("/")) {
            if (KEY_LIKE.matcher(segment).find()) {
                return false;
            }
            boolean separated = segment.indexOf('-') >= 0 || segment.indexOf('.') >= 0 || segment.indexOf(':') >= 0
                    || segment.indexOf('_') >= 0;
            if (segment.length() >= 24 && !separated) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the provider of an API-key variable name ({@code OPENAI_API_KEY}...), or null; only API-key
     * variables count.
     *
     * @param name the variable name
     * @return the provider or null
     */
    public static String ofApiKeyVariable(String name) {
        return KEYS.get(name);
    }

    /**
     * Returns the provider of a provider code as LangChain's {@code init_chat_model(model_provider=...)} or a
     * LiteLLM prefix names it ({@code anthropic}, {@code google_genai}, {@code bedrock}...), or null.
     *
     * @param code the provider code
     * @return the provider or null
     */
    public static String ofProviderCode(String code) {
        return code == null ? null : PREFIXES.get(code.trim().toLowerCase(Locale.ROOT));
    }
}
