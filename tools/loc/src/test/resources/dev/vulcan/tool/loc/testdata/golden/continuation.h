#define X(a) \
    do { a; } while (0) \

int y;
#define Z 1 \
/* comment after continuation */
int z;
