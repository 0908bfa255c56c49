import CSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Removes the old site after a new one is swapped in, off the build's critical path:
/// deleting 10,000 pages took a third of a repeated build. The old site is renamed
/// `Site.deleting-PID`, where PID is the process deleting it, so a later build can tell a
/// removal under way (left alone) from one whose process died (removed again).
///
/// The remover is `/bin/sh` running `rm -rf`, not portal itself: the library is run by
/// `portal`, `portal-serve` and the tests alike, and only `sh` and `rm` are sure to be
/// there, wherever portal is installed. Its pid is known only once it runs, so it waits
/// for the build to close a pipe (after the rename, or by dying) and then removes the one
/// folder named after itself: if the build died before the rename, that folder does not
/// exist and nothing is removed.
enum OldSiteRemoval {
    /// The name of a folder beside the output `name` being deleted, but for the pid.
    static func prefix(_ name: String) -> String { "\(name).deleting-" }

    /// Removes `folder` (the old site, beside the output `name` in `parent`) in a detached
    /// process, or here and now if that cannot be started.
    static func remove(_ folder: String, parent: String, name: String) {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe2(&pipeEnds, O_CLOEXEC) == 0 else { return removeNow(folder) }
        defer { close(pipeEnds[1]) }  // the remover starts when this end closes
        let removing = "\(parent)/\(prefix(name))"
        guard let remover = spawn(removing: removing, waitingOn: pipeEnds[0]) else {
            close(pipeEnds[0])
            return removeNow(folder)
        }
        close(pipeEnds[0])
        reap(remover)
        // Fails only if a folder with that name is there already: one whose remover died
        // and whose pid came round again, which this remover deletes instead.
        if rename(folder, "\(removing)\(remover)") != 0 { removeNow(folder) }
    }

    /// `sh` waiting on `readEnd`, then running `rm -rf` on `removing` and its own pid (the
    /// same for `rm`, which replaces it). The paths are arguments, never part of the script.
    private static func spawn(removing: String, waitingOn readEnd: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of portal's stays open: an inherited pipe would keep whoever reads
        // portal's output waiting for the removal.
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        // A session of its own: a Ctrl-C meant for the next build does not stop it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | PORTAL_POSIX_SPAWN_SETSID))
        let script = #"read -r go; exec rm -rf -- "$1$$""#
        let arguments = ["sh", "-c", script, "portal-remove-old-site", removing]
        let environment = ["PATH=/usr/bin:/bin"]
        var pid: pid_t = 0
        let status = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) }
        }
        return status == 0 ? pid : nil
    }

    /// Waits for the remover in the background, so a process that lives on (the preview, the
    /// tests) keeps no finished child; `portal build` exits first and leaves it to init.
    private static func reap(_ pid: pid_t) {
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    static func removeNow(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// True if `process` has ended (a pid taken from a folder's name).
    static func hasEnded(_ process: pid_t) -> Bool {
        kill(process, 0) != 0 && errno == ESRCH
    }

    private static func withCStrings<Result>(
        _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result
    ) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
