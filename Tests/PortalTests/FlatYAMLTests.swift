import Foundation
import Testing

@testable import Portal

/// FlatYAML reads plain front matter without libyaml. Wherever it gives an answer, the
/// answer must be Yams' own (text, style and position of every value); elsewhere it must
/// step aside, including for every text Yams rejects.
@Suite struct FlatYAMLTests {
    /// FlatYAML's answer, checked against Yams': nil when it stepped aside.
    func checked(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLNode? {
        guard let flat = FlatYAML.parse(yaml) else { return nil }
        let composed = Result { try YAMLReader.composed(yaml) }
        switch composed {
        case .success(let node):
            #expect(node == flat, "FlatYAML and Yams differ on:\n\(yaml)", sourceLocation: sourceLocation)
        case .failure(let error):
            Issue.record("FlatYAML read text Yams rejects (\(error)):\n\(yaml)", sourceLocation: sourceLocation)
        }
        return flat
    }

    @Test func frontMatterOfTheUsualShapeIsReadAsYamsReadsIt() throws {
        let usual = [
            "title: Private fostering\nsummary: What a private fostering arrangement is, and who to tell.",
            "kind: policy\ntitle: Escalation policy\nowner: Board manager\nversion: 2.1\napproved: 2026-03-01\nreview: 2027-03-01",
            "title: Café, crèche and “quotes”\nsummary: Accents — and dashes; a:b, [brackets] {braces}, 50% & C# notes",
            "title: \"Safe sleep: my space\"\nsummary: 'It is safe'\ntopics: [cse, online safety , sleep]",
            "title: News\nsummary: s\ntopics:\n  - cse\n  - training\nrelated:\n- /a/\n- \"/b/#part\"",
            "# A comment first\ntitle: A   \n\nsummary:    spaced out   \n  # an indented comment\ndraft: yes",
            "title: x\ntopics: []\nrelated: [ ]",
            "title: ~\nsummary: null\nupdated: 2026-01-01\n",
        ]
        for yaml in usual {
            #expect(checked(yaml) != nil, "FlatYAML should read:\n\(yaml)")
        }
        let node = try #require(FlatYAML.parse("title: Café\ntopics:\n  - a\n  - \"b\""))
        guard case .mapping(let entries) = node.value else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["title", "topics"])
        #expect(entries[1].value.sequence?.map(\.string) == ["a", "b"])
        #expect(entries[1].value.sequence?.last?.column == 5)
    }

    @Test func anythingElseIsLeftToYams() {
        let unusual = [
            "title: a: b", "title: a # comment", "title: |\n  block", "title: >\n  folded", "title: \"esc\\\"aped\"",
            "title: 'it''s'", "title:\tx", "title: x\n  continued", "title:", "title: x\ntitle: y", "- a\n- b",
            "title: [a, [b]]", "title: [a,]", "title: &anchor x", "title: *alias", "title: !tag x", "title: @x",
            "title: `x`", "title: {a: b}", "list:\n  - a\n    - b", "list:\n  - a\n - b", "list:\n  - a: b", "",
            "# only a comment", "title: x\r\nsummary: y", "title: x\u{2028}y", "title: -5", "? key\n: value",
            "title : x", "title:x", "%YAML 1.1\n---\ntitle: x", "title: \"open", "list:\n  -\n  - b",
        ]
        for yaml in unusual {
            #expect(checked(yaml) == nil, "FlatYAML should leave this to Yams:\n\(yaml)")
        }
    }

    /// The bundled content's front matter, then thousands of copies with YAML's special
    /// characters put in at random: FlatYAML agrees with Yams or steps aside, every time.
    @Test func everyAlteredFrontMatterIsReadAsYamsReadsItOrLeftToYams() throws {
        var samples: [String] = []
        for path in SourceTree.list(Repo.content) where path.hasSuffix(".md") {
            let file = SourceFile(path: path, relativePath: path, text: try String(contentsOfFile: "\(Repo.content)/\(path)", encoding: .utf8))
            if case .success(let parts) = FrontMatter.split(file) { samples.append(parts.yaml) }
        }
        #expect(samples.count > 20)
        #expect(samples.filter { checked($0) != nil }.count * 10 >= samples.count * 9, "most bundled front matter is plain")

        let pieces = ["\t", ":", ": ", " #", "#", "\"", "'", "\\", "-", "- ", "[", "]", ",", "{", "}", "|", ">", "&", "*",
                      "!", "%", "@", "`", "?", "\n", "\n  ", "\n- ", "  ", "é", "\u{85}", "\u{FEFF}", "x", "0", ""]
        var random = SeededRandom(state: FuzzTests.seed)
        var read = 0
        for _ in 0..<4000 {
            var bytes = Array(samples.randomElement(using: &random)!)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0...bytes.count, using: &random)
                if Bool.random(using: &random), at < bytes.count { bytes.remove(at: at) }
                bytes.insert(contentsOf: pieces.randomElement(using: &random)!, at: min(at, bytes.count))
            }
            if checked(String(bytes)) != nil { read += 1 }
        }
        #expect(read > 1000, "the altered copies should still often be plain")
    }
}
