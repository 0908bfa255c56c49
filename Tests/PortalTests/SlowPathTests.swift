import Foundation
import Testing

@testable import Portal

/// Inputs that once crashed portal or took time or memory out of all proportion (a security
/// review, cmark's pathological inputs): each must finish, located, in a time near-linear
/// in its size. The limits are generous, for a debug build on a shared machine: they catch
/// 15 s against 0.1 s, not small regressions (speed goals are in `make bench`).
@Suite struct SlowPathTests {
    static let limit: Duration = .seconds(10)

    /// Runs `work`, expecting it to finish within `limit`.
    func timed<T>(_ what: String, _ work: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        #expect(elapsed < Self.limit, "\(what) took \(elapsed)")
        return result
    }

    func compile(_ markdown: String) -> CompiledBody {
        MarkdownCompiler.compile(markdown, in: sourceFile(markdown), firstLine: 1)
    }

    /// Walking 100,000 levels of emphasis by recursion overflowed the stack.
    @Test func deeplyNestedEmphasisInAHeadingOrAnImage() {
        let nested = String(repeating: "*a **a ", count: 53_000) + "b" + String(repeating: " a** a*", count: 53_000)
        let heading = timed("a nested heading") { compile("## " + nested) }
        #expect(heading.headings.count == 1 && heading.headings[0].text.contains("a b a"))
        let image = timed("a nested image") { compile("![" + nested + "](/x.png)") }
        #expect(image.diagnostics.isEmpty)
    }

    @Test func manyHeadingsWithTheSameText() {
        let body = timed("20,000 headings") { compile(String(repeating: "## a\n\n", count: 20_000)) }
        #expect(body.headings.last?.id == "a-20000")
        #expect(Set(body.headings.map(\.id)).count == 20_000)
    }

    @Test func imagesInsideImages() {
        let count = 30_000
        let body = timed("30,000 nested images") {
            compile(String(repeating: "![", count: count) + "a" + String(repeating: "](/x.png)", count: count))
        }
        #expect(body.diagnostics.isEmpty)
        let empty = timed("30,000 nested images without text") {
            compile(String(repeating: "![", count: count) + String(repeating: "](/x.png)", count: count))
        }
        #expect(empty.diagnostics.count == count)
    }

    @Test func manyLinksOnOneLine() {
        let body = timed("40,000 links on one line") { compile("é " + String(repeating: "[a](/x/) ", count: 40_000)) }
        #expect(body.links.count == 40_000)
        #expect(body.links.last?.column == 3 + 39_999 * 9)
    }

    /// Each error copied its whole line (5,000 errors: 1.3 GB, 451 MB of report); a report
    /// shows 50 a file and says how many more.
    @Test func manyBrokenLinksOnOneLine() throws {
        let scratch = Scratch(["many.md": page(title: "Many", body: String(repeating: "[a](/nowhere/) ", count: 5_000))])
        defer { scratch.remove() }
        let problems = timed("5,000 broken links") { scratch.problems() }
        #expect(problems.count == 5_000)
        let report = timed("the report of 5,000") { DiagnosticFormatter().report(problems) }
        #expect(report.utf8.count < 100_000)
        #expect(report.contains("many.md: and 4950 more problems in this file, not shown"))
        #expect(report.hasSuffix("5000 errors\n"))
        let json = timed("the JSON report of 5,000") { DiagnosticFormatter().json(problems) }
        #expect(json.utf8.count < 100_000)
        let shown = try #require(problems.sortedForReport().last?.excerpt)
        #expect(shown.text.count <= 2 * SourceLine.reach + 3 && shown.text.hasPrefix("…"))
        #expect(Array(shown.text.unicodeScalars)[shown.column - 1] == "[")
    }

    @Test func manyLinksToAnchorsOnAPageWithManyHeadings() {
        let count = 40_000
        let scratch = Scratch([
            "long.md": page(title: "Long", body: (1...count).map { "## Part \($0)" }.joined(separator: "\n\n")),
            "links.md": page(title: "Links", body: (1...count).map { "[x](/long/#part-\($0))" }.joined(separator: "\n")),
        ])
        defer { scratch.remove() }
        #expect(timed("40,000 anchors checked") { scratch.problems() }.isEmpty)
    }

    /// Hints ("did you mean") for many different mistakes are made from lists read once.
    @Test func manyDifferentBrokenAnchorsAndReferences() {
        let scratch = Scratch([
            "long.md": page(title: "Long", body: (1...20_000).map { "## Part \($0)" }.joined(separator: "\n\n")),
            "links.md": page(title: "Links", body: (1...5_000).map { "[x](/long/#parts-\($0)) [y](page:lon\($0))" }.joined(separator: "\n")),
        ])
        defer { scratch.remove() }
        let problems = timed("10,000 broken anchors and references") { scratch.problems() }
        #expect(problems.count == 10_000)
        #expect(problems.contains { $0.hint?.hasPrefix("Did you mean #part-1? ") == true })
    }

    @Test func frontMatterWithManyNames() {
        let names = (1...100_000).map { "name\($0): value" }.joined(separator: "\n")
        let file = sourceFile("---\ntitle: T\nsummary: S.\n\(names)\n---\nText.\n")
        let (page, problems) = timed("100,000 names") { PageParser.parse(file) }
        #expect(page != nil && problems.count == 100_000)
        let report = timed("their report") { DiagnosticFormatter().report(problems) }
        #expect(report.contains("and 99950 more problems in this file"))
    }

    /// 337 bytes of aliases stood for billions of values (8.5 s, 2.3 GB); anchors are refused.
    @Test func yamlAliasBombs() {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (level, previous) in zip("bcdefghi", "abcdefgh") {
            bomb += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let (page, problems) = timed("an alias bomb in front matter") {
            PageParser.parse(sourceFile("---\ntitle: T\nsummary: S.\n" + bomb + "---\n"))
        }
        #expect(page == nil)
        #expect(located(problems) == ["Content/test.md:4:4: this value is named with & or repeated with *, which portal does not read"])
        let scratch = Scratch(TrainingData.files(replacing: "topics.yaml", with: "- id: x\n  title: T\n  summary: S.\n  extra:\n    " + bomb.replacingOccurrences(of: "\n", with: "\n    ")))
        defer { scratch.remove() }
        #expect(located(timed("an alias bomb in data") { scratch.problems() }) == [
            "data/topics.yaml:5:8: this value is named with & or repeated with *, which portal does not read",
        ])
    }

    @Test func aCSVFileWithAMillionColumns() {
        let csv = sourceFile("a" + String(repeating: ",1", count: 1_000_000) + "\n", path: "Content/data/wide.csv")
        let (table, problems) = timed("a million columns") { CSVTable.read(csv) }
        #expect(table == nil)
        #expect(located(problems) == ["Content/data/wide.csv:1:401: this row has more than 200 columns"])
        let tall = sourceFile("a,b\n" + String(repeating: "1,2\n", count: 150_000), path: "Content/data/tall.csv")
        #expect(located(timed("300,000 cells") { CSVTable.read(tall) }.1) == ["Content/data/tall.csv:100001:1: this file has more than 200000 cells"])
    }

    @Test func aThemeAssetOverTheLimit() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let theme = try scratch.copyTheme()
        _ = FileManager.default.createFile(atPath: "\(theme)/assets/film.mp4", contents: Data(count: 6_000_000))
        let problems = scratch.problems(theme: theme)
        #expect(problems.map(\.message) == ["this file is 6 MB; files here can be at most 5 MB"])
        #expect(problems.first?.location.path.hasSuffix("/assets/film.mp4") == true)
    }

    /// A line of 100,000 placeholders: each column was counted from the line's start again.
    @Test func manyPlaceholdersOnOneLine() {
        let line = String(repeating: "é [to be added: x] ", count: 100_000)
        let found = timed("100,000 placeholders on one line") { Placeholders.find(in: sourceFile(line)) }
        #expect(found.count == 100_000)
        #expect(found.last?.location.column == 99_999 * 19 + 3)
    }

    /// A logo of comments that never close, and of `<metadata` that never ends: stripping
    /// them must not search to the end of the file from each one.
    @Test func anSVGOfUnclosedCommentsAndMetadata() {
        for piece in ["<!--", "<metadata>"] {
            let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + String(repeating: piece, count: 300_000) + "</svg>"
            _ = timed("300,000 of \(piece) in an SVG") { ImageFile.svg(Array(svg.utf8)) }
        }
    }

    /// A glossary's entries as YAML, and a public page's text compiled with it.
    func glossary(_ entries: [(term: String, full: String?)]) -> Glossary? {
        let yaml = entries.map { "- term: \($0.term)\n" + ($0.full.map { "  full_form: \($0)\n" } ?? "") + "  definition: Words.\n" }
        return GlossaryParser.parse(sourceFile(yaml.joined(), path: "Content/data/glossary.yaml")).0
    }

    func compile(_ markdown: String, glossary: Glossary) -> CompiledBody {
        MarkdownCompiler.compile(
            markdown, in: sourceFile(markdown), firstLine: 1, glossary: GlossaryLinks(glossary: glossary, checkAbbreviations: true))
    }

    /// Five thousand terms with the same first word, and a page of that word alone: each
    /// use is read once down the glossary's tree, not against every term starting with it.
    @Test func glossaryTermsSharingTheirFirstWord() throws {
        let glossary = try #require(timed("a glossary of 5,000 terms") { self.glossary((1...5_000).map { ("child word\($0)", nil) }) })
        let body = timed("200,000 uses of their first word") {
            compile(String(repeating: "child word ", count: 200_000) + "child word4999.", glossary: glossary)
        }
        #expect(body.html.components(separatedBy: "<a href=\"/glossary/#").count == 2)
    }

    /// Twenty thousand terms in one paragraph, on one line or a line each: each is linked,
    /// its text node rebuilt once, not split again for every term after it.
    @Test func aParagraphFullOfGlossaryTerms() throws {
        let count = 20_000
        let glossary = try #require(self.glossary((1...count).map { ("term\($0)", nil) }))
        for separator in [" ", "\n"] {
            let text = (1...count).map { "a term\($0) b" }.joined(separator: separator)
            let body = timed("20,000 terms a paragraph, apart by \(separator == " " ? "spaces" : "new lines")") { compile(text, glossary: glossary) }
            #expect(body.html.components(separatedBy: "<a href=\"/glossary/#").count == count + 1)
        }
    }

    /// Five thousand abbreviations, each used before its full form in one long line: every
    /// one is reported, and only those a report shows are looked for in the file.
    @Test func manyAbbreviationsUsedBeforeTheirFullForms() throws {
        func letters(_ n: Int) -> String { String(String.UnicodeScalarView([n / 676, n / 26 % 26, n % 26].map { UnicodeScalar(65 + UInt32($0))! })) }
        let glossary = try #require(self.glossary((0..<5_000).map { ("X\(letters($0))", "Words \($0)") }))
        let text = (0..<5_000).map { "X\(letters($0))" }.joined(separator: " and ")
        let body = timed("5,000 abbreviations on one line") { compile(text, glossary: glossary) }
        #expect(body.diagnostics.count == 5_000)
        #expect(body.diagnostics[1].location.column == 10)
    }
}
