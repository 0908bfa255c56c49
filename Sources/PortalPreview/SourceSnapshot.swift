import Foundation
import Portal
#if canImport(Glibc)
import Glibc
#endif

/// The files of the watched folders with their modification times and sizes. Comparing
/// two snapshots taken a few hundred milliseconds apart finds edits without inotify, so it
/// works the same on every system and on network folders.
public struct SourceSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var modified: timespec
        var size: Int

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size
        }
    }

    /// Display path ("Content/index.md") → stamp.
    var files: [String: Stamp] = [:]

    /// Every file below `roots`, skipping hidden ones as the build does (editors' swap and
    /// lock files are hidden, so saving does not trigger extra rebuilds). One `stat` a
    /// file: taken every 300 ms, it must stay cheap on a site of 10,000 pages.
    public static func take(_ roots: [String]) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        for root in roots {
            for path in SourceTree.list(root) {
                var info = stat()
                guard stat("\(root)/\(path)", &info) == 0 else { continue }
                snapshot.files["\(root)/\(path)"] = Stamp(modified: info.st_mtim, size: Int(info.st_size))
            }
        }
        return snapshot
    }

    /// Paths added, removed or changed since `earlier`, sorted.
    public func changes(since earlier: SourceSnapshot) -> [String] {
        let paths = Set(files.keys).union(earlier.files.keys)
        return paths.filter { files[$0] != earlier.files[$0] }.sorted()
    }

    /// "a change to Content/index.md", or "changes to Content/a.md and 2 other files".
    public static func describe(_ changes: [String]) -> String {
        guard let first = changes.first else { return "a change" }
        if changes.count == 1 { return "a change to \(first)" }
        let others = changes.count - 1
        return "changes to \(first) and \(others) other file\(others == 1 ? "" : "s")"
    }
}
