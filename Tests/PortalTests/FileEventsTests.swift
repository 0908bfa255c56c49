import Foundation
import Testing

@testable import Portal
@testable import PortalPreview

/// `portal serve` hears of saves from the system (inotify): edits, editors' safe saves,
/// folders made, removed and made again, the watched folder itself going and coming back.
@Suite struct FileEventsTests {
    /// A folder to watch, with a page in a subfolder.
    final class Watched {
        let root = NSTemporaryDirectory() + "portal-events-\(UUID().uuidString)"
        let fm = FileManager.default

        init() throws {
            try fm.createDirectory(atPath: "\(root)/Content/pages", withIntermediateDirectories: true)
            write("Content/pages/a.md", "A")
        }

        deinit { try? fm.removeItem(atPath: root) }

        var content: String { "\(root)/Content" }

        func write(_ path: String, _ text: String) {
            _ = fm.createFile(atPath: "\(root)/\(path)", contents: Data(text.utf8))
        }

        /// The changes reported within a second, gathered until a quiet read.
        func changes(_ events: FileEvents) throws -> [String]? {
            var all: [String] = []
            let deadline = ContinuousClock.now + .seconds(1)
            while ContinuousClock.now < deadline {
                guard let found = try events.next(timeout: .milliseconds(100)) else { return nil }
                if found.isEmpty, !all.isEmpty { break }
                all += found
            }
            return all.map { $0.replacingOccurrences(of: root + "/", with: "") }
        }
    }

    @Test func editsAndSafeSavesAreHeardHiddenFilesAreNot() throws {
        let watched = try Watched()
        let events = try FileEvents([watched.content])
        #expect(try events.next(timeout: .milliseconds(50)) == [])

        watched.write("Content/pages/a.md", "A, edited")
        #expect(try watched.changes(events) == ["Content/pages/a.md"])

        // A safe save: a hidden file written, then renamed over the page.
        watched.write("Content/pages/.a.md.tmp", "A, saved safely")
        try watched.fm.moveItem(atPath: "\(watched.content)/pages/.a.md.tmp", toPath: "\(watched.content)/pages/b.md")
        #expect(try watched.changes(events) == ["Content/pages/b.md"])

        watched.write("Content/.swap", "editor state")
        #expect(try watched.changes(events) == [])

        try watched.fm.removeItem(atPath: "\(watched.content)/pages/b.md")
        #expect(try watched.changes(events) == ["Content/pages/b.md"])
    }

    @Test func foldersMadeLaterAreWatchedToo() throws {
        let watched = try Watched()
        let events = try FileEvents([watched.content])
        try watched.fm.createDirectory(atPath: "\(watched.content)/new/deeper", withIntermediateDirectories: true)
        watched.write("Content/new/deeper/c.md", "C")
        let made = try #require(try watched.changes(events))
        #expect(made.contains("Content/new/deeper/c.md"))
        // And what is written in them later.
        watched.write("Content/new/deeper/c.md", "C, edited")
        #expect(try watched.changes(events) == ["Content/new/deeper/c.md"])

        // A folder removed and made again is watched again.
        try watched.fm.removeItem(atPath: "\(watched.content)/new")
        #expect(try watched.changes(events)?.contains("Content/new") == true)
        try watched.fm.createDirectory(atPath: "\(watched.content)/new", withIntermediateDirectories: true)
        _ = try watched.changes(events)
        watched.write("Content/new/d.md", "D")
        #expect(try watched.changes(events) == ["Content/new/d.md"])

        // A folder moved in is watched; one moved away is not heard of any more.
        try watched.fm.moveItem(atPath: "\(watched.content)/new", toPath: "\(watched.root)/away")
        #expect(try watched.changes(events) == ["Content/new"])
        watched.write("away/d.md", "D, away")
        #expect(try watched.changes(events) == [])
        try watched.fm.moveItem(atPath: "\(watched.root)/away", toPath: "\(watched.content)/back")
        #expect(try watched.changes(events)?.sorted() == ["Content/back", "Content/back/d.md"])
        watched.write("Content/back/d.md", "D, back")
        #expect(try watched.changes(events) == ["Content/back/d.md"])
    }

    @Test func theWatchedFolderItselfMayGoAndComeBack() throws {
        let watched = try Watched()
        let events = try FileEvents([watched.content])
        try watched.fm.removeItem(atPath: watched.content)
        #expect(try watched.changes(events)?.isEmpty == false)
        try watched.fm.createDirectory(atPath: "\(watched.content)/pages", withIntermediateDirectories: true)
        watched.write("Content/pages/a.md", "A again")
        let back = try #require(try watched.changes(events))
        #expect(back.contains("Content") && back.contains("Content/pages/a.md"))
        watched.write("Content/pages/a.md", "A, edited again")
        #expect(try watched.changes(events) == ["Content/pages/a.md"])
    }

    /// Many saves at once come as one set of changes, each path once.
    @Test func quickSavesAreGathered() throws {
        let watched = try Watched()
        let events = try FileEvents([watched.content])
        for round in 1...100 { watched.write("Content/pages/a.md", "A \(round)") }
        #expect(try events.next(timeout: .milliseconds(500)) == ["\(watched.content)/pages/a.md"])
    }
}
