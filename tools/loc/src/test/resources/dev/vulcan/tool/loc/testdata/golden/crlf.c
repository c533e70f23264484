int a;

// c
int b;