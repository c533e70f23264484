/**
 * The git-history tool: churn, authorship, ownership, logical coupling and knowledge concentration from the git
 * history of the analyzed commit, read with the {@code git} executable when installed and JGit otherwise
 * ({@link dev.vulcan.tool.githistory.HistoryBackend}). {@link dev.vulcan.tool.githistory.GitHistoryTool} is the tool,
 * {@link dev.vulcan.tool.githistory.GitHistoryOptions} its {@code tool_specific} options and
 * {@link dev.vulcan.tool.githistory.GitHistoryEvaluation} its {@code make evaluate} entry point.
 */
package dev.vulcan.tool.githistory;
