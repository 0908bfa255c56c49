// Linux calls that Swift's Glibc module does not show (they need _GNU_SOURCE).

// Swaps two paths in one step (RENAME_EXCHANGE): the output folder is never missing,
// not even for an instant, when a new site replaces the old one.
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);

#define PORTAL_RENAME_EXCHANGE (1 << 1)
#define PORTAL_AT_FDCWD (-100)
