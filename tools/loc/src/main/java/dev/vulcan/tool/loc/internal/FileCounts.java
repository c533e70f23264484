package dev.vulcan.tool.loc.internal;

/**
 * The counts of one file. {@code lines = code + comments + blanks}.
 *
 * @param lines physical lines (a last line without a newline counts)
 * @param code lines with code (a line with code and a comment is code)
 * @param comments lines with only comment text (docstrings in Python)
 * @param blanks lines with only whitespace
 * @param complexity branch tokens found in code (not in comments or strings)
 */
public record FileCounts(long lines, long code, long comments, long blanks, long complexity) {

    /**
     * Creates counts.
     *
     * @throws IllegalArgumentException if a count is negative or the parts do not add up to the lines
     */
    public FileCounts {
        if (lines < 0 || code < 0 || comments < 0 || blanks < 0 || complexity < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (code + comments + blanks != lines) {
            throw new IllegalArgumentException("code + comments + blanks must equal lines: " + code + " + "
                    + comments + " + " + blanks + " != " + lines);
        }
    }
}
