import Foundation
import Portal
#if canImport(Glibc)
import Glibc
#endif

/// Changes to the files below some folders, as Linux reports them (inotify): the preview
/// hears of a save at once instead of finding it at its next look. Every folder is watched,
/// folders made later too. Editors' safe saves (a new file renamed over the old) arrive as
/// a move; hidden files (swap and lock files) are ignored, as the build ignores them.
final class FileEvents: @unchecked Sendable {
    /// Why file events cannot be used; the preview then looks for changes itself.
    enum Unavailable: Error, CustomStringConvertible {
        case noInotify(Int32)
        case watchLimit(String)

        var description: String {
            switch self {
            case .noInotify(let code): "file events are not available here (\(String(cString: strerror(code))))"
            case .watchLimit(let folder):
                "this system allows too few watched folders for \(folder) (raise fs.inotify.max_user_watches to use file events)"
            }
        }
    }

    /// What happened: the paths that changed (as `root/relative`), or nil when the system
    /// lost track (its queue overflowed), so anything may have changed.
    typealias Changes = [String]?

    private let fd: Int32
    private let roots: [String]
    /// Watch → the folder it watches.
    private var folders: [Int32: String] = [:]
    /// Roots whose own folder has gone (deleted or moved away): watched again once back.
    private var lostRoots: Set<String> = []

    private static let fileEvents = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)
    private static let rootEvents = UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

    init(_ roots: [String]) throws(Unavailable) {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw .noInotify(errno) }
        self.roots = roots
        for root in roots {
            do {
                try watchTree(root, isRoot: true)
            } catch {
                close(fd)
                throw error
            }
        }
    }

    deinit { close(fd) }

    /// Watches `folder` and every folder below it (not hidden ones); the paths of the files
    /// found, which are new to the watch.
    @discardableResult
    private func watchTree(_ folder: String, isRoot: Bool = false) throws(Unavailable) -> [String] {
        var found: [String] = []
        var pending = [folder]
        while let next = pending.popLast() {
            let mask = Self.fileEvents | UInt32(IN_ONLYDIR) | (roots.contains(next) ? Self.rootEvents : 0)
            let watch = inotify_add_watch(fd, next, mask)
            if watch < 0 {
                if errno == ENOSPC { throw .watchLimit(folder) }
                if isRoot, next == folder, errno == ENOENT { lostRoots.insert(folder) }
                continue  // gone already, or not a folder: its parent's events tell the rest
            }
            folders[watch] = next
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: next) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = "\(next)/\(name)"
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { pending.append(path) } else { found.append(path) }
            }
        }
        return found
    }

    /// Waits up to `timeout` for changes; once one comes, goes on reading until none has
    /// come for `settle` (an editor may write several files, or a file in several steps),
    /// at most `limit` in all. Nil when the system lost track; empty when nothing changed.
    func next(timeout: Duration, settle: Duration = .milliseconds(20), limit: Duration = .milliseconds(200)) throws(Unavailable) -> Changes {
        var changed: [String] = []
        var overflowed = false
        try returnOfLostRoots(&changed)
        guard wait(timeout) || !changed.isEmpty else { return [] }
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        repeat {
            if try drain(into: &changed) { overflowed = true }
        } while clock.now < deadline && wait(settle)
        if overflowed { return nil }
        var seen = Set<String>()
        return changed.filter { seen.insert($0).inserted }
    }

    /// Whether events are waiting, after up to `time`.
    private func wait(_ time: Duration) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, time / .milliseconds(1)))
        return poll(&poller, 1, milliseconds) > 0
    }

    /// Reads every event waiting; true if the queue overflowed.
    private func drain(into changed: inout [String]) throws(Unavailable) -> Bool {
        var overflowed = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflowed = true
                    continue
                }
                guard let folder = folders[event.wd] else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    folders[event.wd] = nil  // the folder is gone
                    if roots.contains(folder) { lostRoots.insert(folder) }
                    continue
                }
                if event.mask & Self.rootEvents != 0 {
                    changed.append(folder)
                    continue
                }
                guard !name.isEmpty, !name.hasPrefix(".") else { continue }
                let path = "\(folder)/\(name)"
                changed.append(path)
                guard event.mask & UInt32(IN_ISDIR) != 0 else { continue }
                // A folder made or moved in: watch it, and its files are changes too. One
                // moved away keeps its watches, which would name its old place: removed.
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    changed += try watchTree(path)
                } else if event.mask & UInt32(IN_MOVED_FROM) != 0 {
                    for (watch, watched) in folders where watched == path || watched.hasPrefix(path + "/") {
                        inotify_rm_watch(fd, watch)
                        folders[watch] = nil
                    }
                }
            }
        }
        return overflowed
    }

    /// Watches again a root that came back after it was deleted or moved away.
    private func returnOfLostRoots(_ changed: inout [String]) throws(Unavailable) {
        for root in lostRoots.sorted() {
            var info = stat()
            guard stat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            lostRoots.remove(root)
            changed.append(root)
            changed += try watchTree(root, isRoot: true)
        }
    }
}
