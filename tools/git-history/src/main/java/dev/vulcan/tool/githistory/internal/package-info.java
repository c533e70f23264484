/**
 * Internals of git-history: the history walk ({@link dev.vulcan.tool.githistory.internal.HistoryWalker}), the
 * streaming statistics ({@link dev.vulcan.tool.githistory.internal.HistoryStats}), {@code .mailmap}, the
 * degree-of-authorship truck factor, author pseudonyms, the report builder and the scripted repositories of the
 * evaluation. Not an API: may change without notice.
 */
package dev.vulcan.tool.githistory.internal;
