import Foundation
import Testing

@testable import Portal

/// Builds a small fixture site with the real theme and compares every byte with the
/// output kept in `Fixtures/golden/Expected`. After an intended change to output, refresh it
/// with `PORTAL_UPDATE_GOLDEN=1 swift test --filter GoldenBuildTests` and review the diff.
@Suite struct GoldenBuildTests {
    let fixture = "\(Repo.fixtures)/golden"

    func build() throws -> BuildResult {
        try Build.generate(BuildOptions(
            content: "\(fixture)/Content", theme: Repo.theme, output: "\(fixture)/Built", now: Day(iso: "2026-11-21")!))
    }

    @Test func outputMatchesTheKeptCopyByteForByte() throws {
        let result = try build()
        #expect(result.warnings.isEmpty)
        let expected = "\(fixture)/Expected"
        if ProcessInfo.processInfo.environment["PORTAL_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expected)
            try OutputWriter(output: expected).write(result.files, copies: [])
        }
        let kept = SourceTree.list(expected)
        #expect(kept == result.files.map(\.path).sorted())
        for file in result.files {
            let kept = FileManager.default.contents(atPath: "\(expected)/\(file.path)").map { [UInt8]($0) }
            guard kept != file.contents else { continue }
            let keptLines = String(decoding: kept ?? [], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let builtLines = String(decoding: file.contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(keptLines, builtLines).enumerated().first { $1.0 != $1.1 }?.offset ?? min(keptLines.count, builtLines.count)
            Issue.record("""
                \(file.path) differs from the kept copy at line \(line + 1):
                  kept:  \(line < keptLines.count ? keptLines[line] : "(end of file)")
                  built: \(line < builtLines.count ? builtLines[line] : "(end of file)")
                """)
        }
    }

    @Test func buildsAreDeterministic() throws {
        let first = try build().files
        let second = try build().files
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.contents) == second.map(\.contents))
    }
}
