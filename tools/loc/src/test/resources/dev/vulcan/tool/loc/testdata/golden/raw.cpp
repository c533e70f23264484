const char* s = R"x(
/* not a comment */
)x";
int a; /* real */
