import Foundation
import Testing

@testable import Portal

@Suite struct OutputTests {
    @Test func aSuccessfulBuildReplacesTheWholeOutput() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = try Build.run(scratch.options())
        try FileManager.default.createDirectory(atPath: "\(scratch.output)/old", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(scratch.output)/old/stale.html", contents: Data("stale".utf8))
        let result = try Build.run(scratch.options())
        #expect(!FileManager.default.fileExists(atPath: "\(scratch.output)/old/stale.html"))
        #expect(FileManager.default.fileExists(atPath: "\(scratch.output)/index.html"))
        #expect(FileManager.default.fileExists(atPath: "\(scratch.output)/assets/site.css"))
        #expect(SourceTree.list(scratch.output).count == result.paths.count)
        // The old site is deleted by another process, after the build returns.
        #expect(waitForNoLeftovers(in: scratch.root))
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = try Build.run(scratch.options())
        let before = snapshot(scratch.output)
        scratch.write("broken.md", "---\ntitle: Broken: yes\nsummary: S.\n---\n")
        #expect(throws: BuildFailed.self) { try Build.run(scratch.options()) }
        #expect(snapshot(scratch.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.root).filter { $0.hasPrefix("Site.") }
        #expect(leftovers.isEmpty)
    }

    /// A failure after every page is written (here Pagefind's) still leaves the old site whole.
    @Test func aBuildFailingAtTheLastStepLeavesThePreviousSiteWhole() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        _ = try Build.run(scratch.options())
        let before = snapshot(scratch.output)
        var options = scratch.options()
        options.searchIndex = SearchIndex(program: "/bin/false")
        #expect(throws: OutputWriter.Failure.self) { try Build.run(options) }
        #expect(snapshot(scratch.output) == before)
        #expect(leftovers(in: scratch.root).isEmpty)
    }

    /// Folders left by killed builds and killed removals go, whatever is in them, with
    /// nothing followed out of them; a removal still at work, and folders that only look
    /// like portal's, are left alone.
    @Test func whatKilledBuildsAndRemovalsLeftIsDeletedByTheNextBuild() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let fm = FileManager.default
        _ = try Build.run(scratch.options())
        let ended = try endedProcess()
        let kept = "\(scratch.root)/kept"
        scratch.writeBytes("notes.txt", Array("kept".utf8), in: kept)
        for folder in ["Site.deleting-\(ended)", "Site.partial-\(ended)", "Site.deleting-\(getpid())", "Site.deleting-12a", "Site.old"] {
            try fm.createDirectory(atPath: "\(scratch.root)/\(folder)/news", withIntermediateDirectories: true)
            _ = fm.createFile(atPath: "\(scratch.root)/\(folder)/news/index.html", contents: Data("old".utf8))
            try fm.createSymbolicLink(atPath: "\(scratch.root)/\(folder)/news/outside", withDestinationPath: kept)
        }
        _ = try Build.run(scratch.options())
        #expect(waitForNoLeftovers(in: scratch.root, except: ["Site.deleting-\(getpid())", "Site.deleting-12a", "Site.old", "kept"]))
        #expect(fm.contents(atPath: "\(kept)/notes.txt") == Data("kept".utf8))
        #expect(fm.fileExists(atPath: "\(scratch.root)/Site.deleting-\(getpid())/news/index.html"))
        #expect(fm.fileExists(atPath: "\(scratch.root)/Site/index.html"))
        // Scratch.remove() waits for removals at work: these are not.
        for folder in ["Site.deleting-\(getpid())", "Site.deleting-12a"] { try fm.removeItem(atPath: "\(scratch.root)/\(folder)") }
    }

    /// The old site is removed by a process of its own, which follows no link out of it
    /// and touches nothing else beside it.
    @Test func theOldSiteIsRemovedInTheBackground() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let fm = FileManager.default
        let old = "\(scratch.root)/old-site"
        let kept = "\(scratch.root)/kept"
        scratch.writeBytes("notes.txt", Array("kept".utf8), in: kept)
        try fm.createDirectory(atPath: "\(old)/a/b", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: "\(old)/a/b/index.html", contents: Data("old".utf8))
        try fm.createSymbolicLink(atPath: "\(old)/a/outside", withDestinationPath: kept)
        try fm.createSymbolicLink(atPath: "\(old)/a/notes.txt", withDestinationPath: "\(kept)/notes.txt")
        OldSiteRemoval.remove(old, parent: scratch.root, name: "Site")
        #expect(waitForNoLeftovers(in: scratch.root, except: ["kept"]))
        #expect(!fm.fileExists(atPath: old))
        #expect(fm.contents(atPath: "\(kept)/notes.txt") == Data("kept".utf8))
    }

    @Test func refusesOutputFoldersThatWouldDestroyInput() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let project = "\(scratch.root)/project"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        func check(_ output: String, force: Bool = false) throws {
            try OutputWriter.checkSafe(output: output, protecting: [scratch.content, Repo.theme], force: force, project: project)
        }
        for output in [
            scratch.content, "\(scratch.content)/..", "\(scratch.content)/site", Repo.theme, "\(Repo.theme)/assets/out", "/",
            NSHomeDirectory(), project, "\(project)/..", "\(project)/../..", scratch.root,
        ] {
            #expect(throws: OutputWriter.Failure.self, "\(output)") { try check(output) }
            #expect(throws: OutputWriter.Failure.self, "\(output) even with --force") { try check(output, force: true) }
        }
        #expect(throws: Never.self) { try check(scratch.output) }
        #expect(throws: Never.self) { try check("\(project)/Site") }
    }

    @Test func aFolderPortalDidNotMakeIsReplacedOnlyWithForce() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: scratch.output, withIntermediateDirectories: true)
        var options = scratch.options()
        _ = try Build.run(options)  // an empty folder is fine
        #expect(fm.fileExists(atPath: "\(scratch.output)/\(OutputWriter.marker)"))
        _ = try Build.run(options)  // and so is a site portal made

        try fm.removeItem(atPath: scratch.output)
        try fm.createDirectory(atPath: scratch.output, withIntermediateDirectories: true)
        _ = fm.createFile(atPath: "\(scratch.output)/thesis.docx", contents: Data("years of work".utf8))
        #expect {
            try Build.run(options)
        } throws: { error in
            "\(error)".contains("holds files that portal did not make") && "\(error)".contains("--force")
        }
        #expect(fm.contents(atPath: "\(scratch.output)/thesis.docx") == Data("years of work".utf8))
        options.force = true
        _ = try Build.run(options)
        #expect(!fm.fileExists(atPath: "\(scratch.output)/thesis.docx"))

        try fm.removeItem(atPath: scratch.output)
        _ = fm.createFile(atPath: scratch.output, contents: Data("a file".utf8))
        #expect(throws: OutputWriter.Failure.self) { try Build.run(options) }
        #expect(fm.contents(atPath: scratch.output) == Data("a file".utf8))
    }

    @Test func onlyPlainPathsInsideTheOutputArePlain() {
        for path in ["index.html", "a/b/index.html", "assets/site.css", ".portal-site", "a..b/c", "...", "café/index.html"] {
            #expect(SitePath.isInsideOutput(path), "\(path)")
        }
        for path in [
            "", "/", "/tmp/x", "../x", "a/../../x", "a/..", "..", ".", "./a", "a/./b", "a//b", "a/", "a\\..\\b",
            "a\u{0}b", "a\nb", "a/\u{7F}",
        ] {
            #expect(!SitePath.isInsideOutput(path), "\(path)")
        }
    }

    /// Defence in depth: whatever made a path, the writer refuses one leaving the output,
    /// in a fresh build, in the preview's rewrite, and in its removal of stale files.
    @Test func theWriterRefusesPathsOutsideTheOutput() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let fm = FileManager.default
        let outside = "\(scratch.root)/outside.html"
        _ = fm.createFile(atPath: outside, contents: Data("kept".utf8))
        let writer = OutputWriter(output: scratch.output)
        let staging = try writer.stage()
        #expect(throws: OutputWriter.Failure.self) { try staging.write([OutputFile(path: "../outside.html", text: "x")]) }
        #expect(throws: OutputWriter.Failure.self) { try staging.write([OutputFile(path: outside, text: "x")]) }
        staging.discard()
        #expect(fm.contents(atPath: outside) == Data("kept".utf8))

        _ = try Build.run(scratch.options())
        #expect(throws: OutputWriter.Failure.self) { try writer.update([OutputFile(path: "a/../../outside.html", text: "x")]) }
        let paths = try writer.rewrite([OutputFile(path: "index.html", text: "new")], copies: [], replacing: ["../outside.html", "accessibility/index.html"]) { [$0] }
        #expect(paths == ["index.html"])
        #expect(fm.contents(atPath: outside) == Data("kept".utf8))
        #expect(!fm.fileExists(atPath: "\(scratch.output)/accessibility/index.html"))
        #expect(fm.fileExists(atPath: "\(scratch.output)/\(OutputWriter.marker)"))
    }

    /// The folders in `root` besides the Content/ and Site/ of a scratch project.
    func leftovers(in root: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.filter { !["Content", "Site", "Theme"].contains($0) }.sorted()
    }

    /// Waits (up to a minute, on a busy machine) until `root` holds no folder but a
    /// scratch project's and `except`.
    func waitForNoLeftovers(in root: String, except: Set<String> = []) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if leftovers(in: root).allSatisfy(except.contains) { return true }
            usleep(20_000)
        }
        Issue.record("left in \(root): \(leftovers(in: root))")
        return false
    }

    /// The pid of a process that has ended.
    func endedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Every file under `root` with its bytes.
    func snapshot(_ root: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: SourceTree.list(root).map { ($0, FileManager.default.contents(atPath: "\(root)/\($0)")!) })
    }
}
