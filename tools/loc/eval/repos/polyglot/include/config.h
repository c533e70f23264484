#ifndef CONFIG_H
#define CONFIG_H

/* Limits. */
#define MAX_USERS 100 /* per instance */
#define CHECK(x) do { \
	if (!(x)) \
		abort(); \
} while (0)

// Path with comment markers: it is a string.
static const char *glob = "/etc/*.conf";

#endif /* CONFIG_H */
