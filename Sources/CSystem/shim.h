// Linux calls that Swift's Glibc module does not show (they need _GNU_SOURCE).
#include <spawn.h>

// Swaps two paths in one step (RENAME_EXCHANGE): the output folder is never missing,
// not even for an instant, when a new site replaces the old one.
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);

#define PORTAL_RENAME_EXCHANGE (1 << 1)
#define PORTAL_AT_FDCWD (-100)

// The old site's remover runs in a session of its own (POSIX_SPAWN_SETSID), with no file
// of portal's open but the ones it is given (closefrom, glibc 2.34), through a pipe made
// closed-on-exec at once (pipe2), so no other program portal starts holds it open.
#define PORTAL_POSIX_SPAWN_SETSID 0x80
int pipe2(int pipefd[2], int flags);
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
