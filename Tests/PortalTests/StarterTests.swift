import Foundation
import Testing

@testable import Portal

/// `portal init`: a new board's project that builds at once, with no other board in it.
@Suite struct StarterTests {
    static let board = try! Starter.board(
        name: "St Aldwyn’s & Northmoor Safeguarding Children Partnership", shortName: nil, baseURL: "https://www.northmoor.example.org/")

    func made() throws -> (folder: String, result: BuildResult) {
        let folder = NSTemporaryDirectory() + "portal-init-\(UUID().uuidString)"
        _ = try Starter.create(in: folder, for: Self.board)
        let result = try Build.generate(BuildOptions(
            content: folder + "/Content", theme: folder + "/Theme", output: folder + "/Site", now: Day(iso: "2026-12-03")!))
        return (folder, result)
    }

    @Test func theBoardIsWrittenInAndTheShortNameMadeFromTheName() {
        #expect(Self.board.shortName == "St Aldwyn’s & Northmoor SCP")
        #expect(Self.board.baseURL == "https://www.northmoor.example.org")
        #expect(Starter.abbreviated("Northmoor Local Safeguarding Children Board") == "Northmoor LSCB")
        #expect(Starter.abbreviated("Northmoor Children's Board") == "Northmoor Children's Board")
    }

    /// Built straight away: the only warnings are the placeholders, every sensitive page has
    /// the quick exit, and no token is left unfilled.
    @Test func aNewProjectBuildsAtOnce() throws {
        let (folder, result) = try made()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.warnings.filter { !$0.message.hasPrefix("still a placeholder") }.isEmpty, "\(located(result.warnings))")
        #expect(result.warnings.count > 20, "the local details are placeholders")
        #expect(!FileManager.default.fileExists(atPath: folder + "/Theme"), "no theme folder: the built-in theme")
        for file in result.files where file.path.hasSuffix(".html") || file.path.hasSuffix(".xml") || file.path.hasSuffix(".txt") {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("{{"), "\(file.path) has a token left")
            // A placeholder is never a link: no email to “[to be added…”, no number to call.
            #expect(!text.contains("href=\"mailto:[") && !text.contains("href=\"tel:\""), "\(file.path) links a placeholder")
        }
        let home = try #require(result.files.first { $0.path == "index.html" }.map { String(decoding: $0.contents, as: UTF8.self) })
        #expect(home.contains("St Aldwyn’s &amp; Northmoor Safeguarding Children Partnership"))
        for sensitive in ["parents-carers/private-fostering/index.html", "parents-carers/child-exploitation/index.html"] {
            let page = try #require(result.files.first { $0.path == sensitive }, "\(sensitive)")
            #expect(String(decoding: page.contents, as: UTF8.self).contains("data-quick-exit-button"), "\(sensitive)")
        }
        #expect(home.contains("href=\"tel:999\"") && home.contains("0808 800 5000") && home.contains("0800 1111"))
    }

    /// No other board's (or area's) name anywhere in what a new board publishes.
    @Test func aNewBoardsSiteNamesNoOtherBoard() throws {
        let (folder, result) = try made()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var found: [String: [String]] = [:]
        for file in result.files {
            let names = OtherBoardNames.find(in: String(decoding: file.contents, as: UTF8.self))
            if !names.isEmpty { found[file.path] = names }
        }
        for copy in result.copies {
            let names = OtherBoardNames.find(in: String(decoding: copy.contents() ?? [], as: UTF8.self))
            if !names.isEmpty { found[copy.outputPath] = names }
        }
        #expect(found.isEmpty, "\(found)")
    }

    @Test func nothingIsWrittenIntoAFolderThatIsNotEmpty() throws {
        let folder = NSTemporaryDirectory() + "portal-init-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("my thesis".utf8).write(to: URL(fileURLWithPath: folder + "/thesis.txt"))
        #expect(throws: Starter.Problem.self) { try Starter.create(in: folder, for: Self.board) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["thesis.txt"])
        // A folder that holds only a new git repository is fine.
        try FileManager.default.removeItem(atPath: folder + "/thesis.txt")
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        _ = try Starter.create(in: folder, for: Self.board)
    }

    @Test(arguments: [
        ("", nil, nil, "--name is empty"),
        ("Northmoor <b>Board</b>", nil, nil, "--name has “<” in it"),
        ("Northmoor\u{7}Board", nil, nil, "--name has a control character in it"),
        ("1234", nil, nil, "has no letters"),
        ("Northmoor SCP", "North\"moor", nil, "--short-name has “\"” in it"),
        ("Northmoor SCP", nil, "http://www.example.org", "--base-url must be the site's address starting https://"),
        ("Northmoor SCP", nil, "https://www.example.org/?x=1", "--base-url must be"),
        ("Northmoor SCP", nil, "https://", "--base-url must be"),
    ] as [(String, String?, String?, String)])
    func badOptionsAreRefused(name: String, shortName: String?, baseURL: String?, expected: String) {
        #expect {
            _ = try Starter.board(name: name, shortName: shortName, baseURL: baseURL)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
