import Foundation
import Testing

@testable import Portal

/// Builds a small fixture site with the real theme and compares every byte with the
/// output kept in `Fixtures/golden/Site`. After an intended change to output, refresh it
/// with `PORTAL_UPDATE_GOLDEN=1 swift test --filter GoldenBuildTests` and review the diff.
@Suite struct GoldenBuildTests {
    let fixture = "\(Repo.fixtures)/golden"

    func build() throws -> BuildResult {
        try Build.generate(BuildOptions(
            content: "\(fixture)/Content", theme: Repo.theme, output: "\(fixture)/Site", now: Day(iso: "2026-11-21")!))
    }

    @Test func outputMatchesTheKeptCopyByteForByte() throws {
        let result = try build()
        #expect(result.warnings.isEmpty)
        let expected = "\(fixture)/Site"
        if ProcessInfo.processInfo.environment["PORTAL_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expected)
            try OutputWriter(output: expected).write(result.files, copies: [])
        }
        let kept = SourceTree.list(expected)
        #expect(kept == result.files.map(\.path).sorted())
        for file in result.files {
            let keptBytes = FileManager.default.contents(atPath: "\(expected)/\(file.path)").map { [UInt8]($0) }
            #expect(keptBytes == file.contents, "\(file.path) differs from the kept copy")
        }
    }

    @Test func buildsAreDeterministic() throws {
        let first = try build().files
        let second = try build().files
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.contents) == second.map(\.contents))
    }
}
