import Foundation
import Testing

@testable import Portal

@Suite struct OutputTests {
    @Test func aSuccessfulBuildReplacesTheWholeOutput() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
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

    @Test func refusesOutputFoldersThatWouldDestroyInput() {
        let scratch = Scratch()
        defer { scratch.remove() }
        for output in [scratch.content, "\(scratch.content)/..", Repo.theme, "/", FileManager.default.currentDirectoryPath] {
            #expect(throws: OutputWriter.Failure.self, "\(output)") {
                try OutputWriter.checkSafe(output: output, protecting: [scratch.content, Repo.theme])
            }
        }
        #expect(throws: Never.self) { try OutputWriter.checkSafe(output: scratch.output, protecting: [scratch.content, Repo.theme]) }
    }

    /// Every file under `root` with its bytes.
    func snapshot(_ root: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: SourceTree.list(root).map { ($0, FileManager.default.contents(atPath: "\(root)/\($0)")!) })
    }
}
