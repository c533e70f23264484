package dev.vulcan.tool.complexity.internal;

/**
 * A call as written: the called name and its receiver when the receiver is a plain (dotted) name.
 *
 * @param callee the called name
 * @param receiver the receiver, or null when there is none or it is not a plain name
 * @param hasReceiver whether the call had any receiver expression
 */
record CallSite(String callee, String receiver, boolean hasReceiver) {
}
