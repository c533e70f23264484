class A {
    String s = """
        /* not a comment
        // still text
        """;
    /** doc */
    int x; // c
}
