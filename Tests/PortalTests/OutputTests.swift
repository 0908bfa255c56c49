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
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.root).filter { $0.hasPrefix("Site.") }
        #expect(leftovers.isEmpty)
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

    /// Every file under `root` with its bytes.
    func snapshot(_ root: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: SourceTree.list(root).map { ($0, FileManager.default.contents(atPath: "\(root)/\($0)")!) })
    }
}
