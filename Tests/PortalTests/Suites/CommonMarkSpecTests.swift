import CCmark
import Dispatch
import Foundation
import Testing

@testable import Portal

/// Every example of the CommonMark 0.30 spec (../shared/suites/commonmark-0.30/spec.txt),
/// compiled as a page's text. Each must give the HTML cmark itself gives for it with
/// portal's options (smart punctuation, safe mode), apart from portal's documented changes
/// (headings carry ids, links to other sites carry rel="noopener"), or be refused with
/// errors at a line and column (a `#` heading, an image without alt text or from an
/// unsafe source are refused on purpose). Then cmark's own pathological inputs
/// (pathological_tests.py, at its sizes), as paragraphs and inside a heading and an image
/// description, whose text portal walks itself, and a few of portal's own (many links on a
/// line, many equal headings): each must compile, or be refused with located errors,
/// within 10 seconds and without crashing.
@Suite struct CommonMarkSpecTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var number: Int
        var line: Int
        var section: String
        var markdown: String
        var testDescription: String { "example \(number) (\(section), spec.txt:\(line))" }
    }

    static func examples() throws -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var current: (line: Int, input: [Substring], inOutput: Bool)?
        let lines = try PublicSuites.text("commonmark-0.30/spec.txt").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if var example = current {
                if line == fence {
                    let markdown = example.input.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                    examples.append(Example(number: examples.count + 1, line: example.line, section: section, markdown: markdown))
                    current = nil
                } else {
                    if line == "." { example.inOutput = true } else if !example.inOutput { example.input.append(line) }
                    current = example
                }
            } else if line == fence + " example" {
                current = (index + 1, [], false)
            } else if line.hasPrefix("#") {
                section = String(line.drop { $0 == "#" || $0 == " " })
            }
        }
        return examples
    }

    /// cmark's own HTML for the text, with the options portal uses.
    static func cmarkHTML(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_SMART) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    /// Portal's HTML without its documented changes: `<h2 id="x">\n…\n</h2>` (a custom block
    /// around the heading's text) → `<h2>…</h2>`, and no rel="noopener" on outside links.
    static func withoutPortalChanges(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">\n?"#, with: "<h$1>", options: .regularExpression)
            .replacingOccurrences(of: #"\n?</h([1-6])>"#, with: "</h$1>", options: .regularExpression)
            .replacingOccurrences(of: "\" rel=\"noopener\">", with: "\">")
    }

    static func compile(_ markdown: String) -> CompiledBody {
        MarkdownCompiler.compile(markdown, in: sourceFile(markdown), firstLine: 1)
    }

    /// Refusals must say where: a line and a column, from 1.
    static func expectLocated(_ body: CompiledBody, _ what: String) {
        for problem in body.diagnostics {
            #expect(problem.location.line >= 1 && problem.location.column >= 1, "\(what): unlocated problem \(problem)")
        }
    }

    @Test func everyExampleIsFound() throws {
        #expect(try Self.examples().count == 652)
    }

    @Test(arguments: try examples())
    func compilesAsCmarkDoesOrIsRefusedWhereItSays(_ example: Example) {
        let body = Self.compile(example.markdown)
        if body.diagnostics.isEmpty {
            #expect(Self.withoutPortalChanges(body.html) == Self.cmarkHTML(example.markdown), "Markdown:\n\(example.markdown)")
        } else {
            Self.expectLocated(body, "example \(example.number)")
        }
    }

    struct Pathological: Sendable, CustomTestStringConvertible {
        var name: String
        var markdown: String
        var testDescription: String { name }
    }

    /// pathological_tests.py's inputs, built at its sizes; the one-line ones also in a
    /// heading and an image description.
    static let pathological: [Pathological] = {
        func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }
        let inputs: [(String, String)] = [
            ("nested strong emph", repeated("*a **a ", 65000) + "b" + repeated(" a** a*", 65000)),
            ("many emph closers with no openers", repeated("a_ ", 65000)),
            ("many emph openers with no closers", repeated("_a ", 65000)),
            ("many link closers with no openers", repeated("a]", 65000)),
            ("many link openers with no closers", repeated("[a", 65000)),
            ("mismatched openers and closers", repeated("*a_ ", 50000)),
            ("issue #389", repeated("*a ", 20000) + repeated("_a*_ ", 20000)),
            ("openers and closers multiple of 3", "a**b" + repeated("c* ", 50000)),
            ("link openers and emph closers", repeated("[ a_", 50000)),
            ("pattern [ (]( repeated", repeated("[ (](", 80000)),
            ("hard link/emph case", "**x [a*b**c*](d)"),
            ("nested brackets", repeated("[", 50000) + "a" + repeated("]", 50000)),
            ("nested block quotes", repeated("> ", 50000) + "a"),
            ("U+0000 in input", "abc\u{0}de\u{0}"),
            ("backticks", (1..<5000).map { "e" + repeated("`", $0) }.joined()),
            ("unclosed links A", repeated("[a](<b", 30000)),
            ("unclosed links B", repeated("[a](b", 30000)),
        ]
        return inputs.flatMap { name, line in
            [
                Pathological(name: name, markdown: line),
                Pathological(name: "\(name) (in a heading)", markdown: "## " + line),
                Pathological(name: "\(name) (in an image description)", markdown: "![" + line + "](/a.png)"),
            ]
        } + [
            Pathological(name: "deeply nested lists", markdown: (0..<1000).map { repeated("  ", $0) + "* a\n" }.joined()),
            Pathological(name: "reference collisions", markdown: referenceCollisions()),
            // Not cmark's: where portal does work of its own, per link and per heading.
            Pathological(name: "many links on one line", markdown: repeated("[a](/a/) ", 50000)),
            Pathological(name: "many links to other sites on one line", markdown: repeated("[a](https://example.org/) ", 50000)),
            Pathological(name: "many headings with the same text", markdown: repeated("## a\n\n", 20000)),
        ]
    }()

    /// 50,000 reference labels that fall in the same bucket of cmark's old 16-slot hash.
    static func referenceCollisions() -> String {
        func badHash(_ key: String) -> Bool {
            var hash: UInt32 = 0
            for scalar in key.unicodeScalars { hash = scalar.value &+ (hash << 6) &+ (hash << 16) &- hash }
            return hash % 16 == 0
        }
        var keys = (0...).lazy.map { "x\($0)" }.filter(badHash).prefix(50000).makeIterator()
        let bad = keys.next()!
        return IteratorSequence(keys).map { "[\($0)]: /url\n\n[\(bad)]\n\n" }.joined()
    }

    /// Written by the worker before it signals, read after.
    final class Outcome: @unchecked Sendable {
        var body: CompiledBody?
    }

    /// One at a time, so each is timed alone.
    @Test(.serialized, arguments: pathological)
    func pathologicalInputCompilesInTime(_ input: Pathological) {
        // On a worker thread, as builds compile pages, so a runaway input fails the test
        // after the limit instead of hanging the run (it is left to finish in the background).
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let start = ContinuousClock.now
        DispatchQueue.global().async {
            outcome.body = Self.compile(input.markdown)
            done.signal()
        }
        let finished = done.wait(timeout: .now() + .seconds(10)) == .success
        let time = ContinuousClock.now - start
        guard finished, time < .seconds(10), let body = outcome.body else {
            Issue.record("\(input.name): not compiled within 10 s (\(finished ? "took \(time)" : "still running"))")
            return
        }
        Self.expectLocated(body, input.name)
    }
}
