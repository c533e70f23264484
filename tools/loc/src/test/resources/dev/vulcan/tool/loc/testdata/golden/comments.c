/* header
 * comment */
#include <stdio.h>

int main(void) { // trailing comment
    printf("/* if */ // while\n");
    char c = '"'; /* real comment */
    char d = '\''; // ok
    return 0; /* a
    b */ }
}
int f(int a, int b) { if (a && b) return 1; else if (a || b) return 2; return 0; }
