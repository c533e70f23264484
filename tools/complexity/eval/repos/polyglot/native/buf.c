/* Synthetic evaluation source, hand-counted. */
#include <string.h>

/* ccn 1 + while + if + && = 4; cognitive: while +1, if +2, && +1 = 4 */
int count_words(const char *s) {
    int n = 0;
    int in = 0;
    while (*s) {
        if (*s != ' ' && !in) {
            n++;
        }
        in = *s != ' ';
        s++;
    }
    return n;
}

/* ccn 1 + ? = 2; cognitive: ternary +1 = 1 */
static int clamp(int v) {
    return v > 255 ? 255 : v;
}
