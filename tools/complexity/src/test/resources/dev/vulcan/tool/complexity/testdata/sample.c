/* Hand-counted: CCN per lizard (1 + if/for/while/case/&&/||/?), cognitive per SonarSource. */
#include <stdio.h>

/* ccn 1 + for + if + ? = 4; cognitive: for +1, if +2, ternary +1 = 4 */
int sum_positive(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
        if (v[i] > 0) {
            s += v[i];
        }
    }
    return s > 100 ? 100 : s;
}

/* ccn 1 + case + case + || = 4; cognitive: switch +1, || +1 = 2 */
static int kind(int c, int strict) {
    switch (c) {
    case 'a':
        return 1;
    case 'b':
        return strict || c > 1;
    default:
        return 0;
    }
}

/* ccn 1 + do-while(while) = 2; cognitive: do +1 = 1 */
void spin(void) {
    int i = 0;
    do {
        i++;
    } while (i < kind(i, 0));
}
