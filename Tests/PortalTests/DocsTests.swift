import Foundation
import Testing

@testable import Portal

/// docs/CONTENT-FORMAT.md is the authors' whole reference: a row of its tables for every
/// field the readers accept (`AcceptedFields`), every link in docs/ works, and every example in it
/// builds.
///
/// Examples are marked by an HTML comment (not shown when the guide is read on the web)
/// on the line before a fenced block:
///
/// - `<!-- example: Content/data/levels.yaml -->`: the block is that whole file;
/// - `<!-- example: Content/site.yaml, continued -->`: the block goes on from the earlier
///   example of that file (a group shown on its own, a table added to a page);
/// - `, warns` after the path: the example must build and warn in that file (a
///   placeholder); any other example must build without a warning in its file;
/// - `<!-- not built -->`: the block is not an example (a mistake, say).
///
/// A page example without front matter is page text: it gets a title and summary. Every
/// ```yaml, ```markdown, ```md and ```csv block must be marked one way or the other.
/// All the examples make one content folder, with what else a site needs (site.yaml,
/// the home page, the pages site.yaml links to, a logo file it names), built once.
@Suite struct DocsTests {
    static let docs = "\(Repo.root)/docs"
    static let guide = "\(docs)/CONTENT-FORMAT.md"

    static func text(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    // MARK: Fields

    /// A field is documented when a row of one of the guide's tables starts with it, in
    /// backticks: `| `refresher_years` | yes | … |`.
    @Test func everyFieldTheReadersAcceptIsDocumented() {
        let guide = Self.text(Self.guide)
        #expect(!guide.isEmpty, "docs/CONTENT-FORMAT.md is missing")
        var rows: Set<String> = []
        for block in Markdown.blocks(in: guide) {
            guard case .line(let line, _) = block, line.hasPrefix("|") else { continue }
            let first = line.dropFirst().prefix { $0 != "|" }
            for match in first.matches(of: #/`([^`]+)`/#) { rows.insert(String(match.output.1)) }
        }
        var undocumented: [String] = []
        for group in AcceptedFields.all {
            for name in group.names {
                // A typed link's kind starts one: `policy:threshold-document`.
                let found = name.hasSuffix(":") ? rows.contains { $0.hasPrefix(name) } : rows.contains(name)
                if !found { undocumented.append("`\(name)\(name.hasSuffix(":") ? "…" : "")` (\(group.place))") }
            }
        }
        #expect(undocumented.isEmpty, """
            Not documented in docs/CONTENT-FORMAT.md (as the first cell of a table's row, in backticks):
            \(undocumented.joined(separator: "\n"))
            """)
    }

    /// The readers asked for their fields answered for every file of data and every list
    /// of entries in it: had the asking broken, their fields would go unchecked.
    @Test func everyReaderOfDataAnswered() {
        let places = AcceptedFields.all.map(\.place)
        for file in TrainingParser.fileNames + ["business-plan-….yaml"] {
            #expect(places.contains { $0.hasPrefix(file + ": ") }, "\(file) gave no fields: \(places)")
        }
        #expect(places.filter { $0.hasPrefix("business-plan-….yaml: ") }.count >= 4, "\(places)")
        #expect(places.filter { $0.hasPrefix("training-programme.yaml: ") }.count >= 2, "\(places)")
        let level = AcceptedFields.all.first { $0.place.hasPrefix("levels.yaml: a level") }
        #expect(level?.names.contains("id") == true && level?.names.contains("refresher_years") == true)
    }

    // MARK: Links

    /// Every `.md` file in docs/, and README.md for its links into docs/.
    static func documents() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "\(docs)/\($0)" }
    }

    @Test func everyLinkInTheDocsWorks() {
        var broken: [String] = []
        var elsewhere: [String] = []
        var checked = 0
        let readme = "\(Repo.root)/README.md"
        for path in Self.documents() + [readme] {
            let shown = String(path.dropFirst(Repo.root.count + 1))
            for link in Markdown.links(in: Self.text(path)) {
                let target = link.target
                if target.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil {
                    elsewhere.append("\(shown):\(link.line): \(target)")
                    continue
                }
                let (file, anchor) = Self.split(target)
                let resolved = file.isEmpty ? path : Self.normalise(((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(file))
                // README is checked only for its links into docs/.
                if path == readme && !resolved.hasPrefix(Self.docs + "/") { continue }
                checked += 1
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else {
                    broken.append("\(shown):\(link.line): \(target): there is no file \(resolved.dropFirst(Repo.root.count + 1))")
                    continue
                }
                guard let anchor else { continue }
                guard resolved.hasSuffix(".md"), !isFolder.boolValue else {
                    broken.append("\(shown):\(link.line): \(target): only Markdown files have headings to link to")
                    continue
                }
                let slugs = Markdown.headingSlugs(in: Self.text(resolved))
                if !slugs.contains(anchor) {
                    broken.append("\(shown):\(link.line): \(target): no heading has the anchor #\(anchor) (\(slugs.sorted().joined(separator: ", ")))")
                }
            }
        }
        // Other websites' links are listed, never visited.
        print("Links to other websites in the docs (not visited):\n" + elsewhere.joined(separator: "\n"))
        #expect(checked > 0)
        #expect(broken.isEmpty, "Broken links:\n\(broken.joined(separator: "\n"))")
    }

    static func split(_ target: String) -> (file: String, anchor: String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target.removingPercentEncoding ?? target, nil) }
        let file = String(target[..<hash])
        return (file.removingPercentEncoding ?? file, String(target[target.index(after: hash)...]).removingPercentEncoding)
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    // MARK: Examples

    @Test func everyExampleBuilds() throws {
        let guide = Self.text(Self.guide)
        let (examples, unmarked) = Examples.read(guide)
        #expect(unmarked.isEmpty, """
            Blocks that do not say whether they are examples (put <!-- example: Content/… --> or <!-- not built --> on the line before): \
            docs/CONTENT-FORMAT.md lines \(unmarked.map(String.init).joined(separator: ", "))
            """)
        #expect(examples.count >= 10)
        var wrong: [String] = []
        for example in examples where !example.path.hasPrefix("Content/") {
            wrong.append("docs/CONTENT-FORMAT.md:\(example.line): the example's file must be inside Content/, not \(example.path)")
        }
        let paths = Dictionary(grouping: examples, by: \.path)
        for (path, group) in paths {
            if group.first?.continues == true {
                wrong.append("docs/CONTENT-FORMAT.md:\(group[0].line): “continued”, but no example of \(path) comes before it")
            }
            for repeated in group.dropFirst() where !repeated.continues {
                wrong.append("docs/CONTENT-FORMAT.md:\(repeated.line): \(path) is already an example at line \(group[0].line): say “continued”")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        guard wrong.isEmpty, !examples.isEmpty else { return }

        let folder = Examples.assemble(examples)
        let site = Scratch()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.content)
        for (path, text) in folder.files { site.write(path, text) }
        let problems = site.problems()

        var failures: [String] = []
        var warned: Set<Int> = []
        for problem in problems.sortedForReport() {
            let at = problem.location
            let relative = at.path.components(separatedBy: "/Content/").last.map { "Content/" + $0 } ?? at.path
            let example = folder.example(at: relative, line: at.line)
            let docsLine = example.map { "docs/CONTENT-FORMAT.md:\($0.docsLine(for: at.line, in: folder))" } ?? "(a file the test added)"
            let report = "\(docsLine): \(relative):\(at.line):\(at.column): \(problem.severity == .error ? "error" : "warning"): \(problem.message)\(problem.hint.map { " (\($0))" } ?? "")"
            if !problem.isError, let example, example.warns {
                warned.insert(example.line)
                continue
            }
            failures.append(report)
        }
        for example in examples where example.warns && !warned.contains(example.line) {
            failures.append("docs/CONTENT-FORMAT.md:\(example.line): this example should build with a warning, but gave none")
        }
        #expect(failures.isEmpty, "The guide's examples, built together:\n\(failures.joined(separator: "\n"))")
    }
}

/// The guide's examples: marked fenced blocks, and the content folder they make.
enum Examples {
    struct Example {
        var path: String
        var continues: Bool
        var warns: Bool
        /// The docs line of the comment that marks it.
        var line: Int
        /// The docs line of the block's first line of text.
        var firstLine: Int
        var text: String
    }

    /// The marked examples, and the lines of blocks that should be marked and are not.
    static func read(_ markdown: String) -> (examples: [Example], unmarked: [Int]) {
        var examples: [Example] = []
        var unmarked: [Int] = []
        var marker: (text: String, line: Int)?
        for block in Markdown.blocks(in: markdown) {
            switch block {
            case .line(let text, let number):
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") {
                    marker = (String(trimmed.dropFirst(4).dropLast(3)).trimmingCharacters(in: .whitespaces), number)
                } else if !trimmed.isEmpty {
                    marker = nil
                }
            case .fenced(let info, let lines, let number):
                defer { marker = nil }
                let language = info.split(separator: " ").first.map(String.init) ?? ""
                guard let marker, marker.line == number - 1 else {
                    if ["yaml", "markdown", "md", "csv"].contains(language) { unmarked.append(number) }
                    continue
                }
                if marker.text.hasPrefix("not built") { continue }
                guard marker.text.hasPrefix("example:") else {
                    unmarked.append(number)
                    continue
                }
                var parts = marker.text.dropFirst("example:".count).split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                let path = parts.removeFirst()
                examples.append(Example(
                    path: path, continues: parts.contains("continued"), warns: parts.contains("warns"),
                    line: marker.line, firstLine: number + 1, text: lines.joined(separator: "\n") + "\n"))
            }
        }
        return (examples, unmarked)
    }

    /// A content folder: each file's text, and which lines of it came from which example.
    struct Folder {
        var files: [String: String] = [:]
        /// For each file made of examples: the examples, each with the file line it starts on.
        var parts: [String: [(example: Example, start: Int)]] = [:]

        func example(at path: String, line: Int) -> Example? {
            guard let parts = parts[path], !parts.isEmpty else { return nil }
            return parts.last { $0.start <= line }?.example ?? parts[0].example
        }

        func start(of example: Example) -> Int {
            parts[example.path]?.first { $0.example.line == example.line }?.start ?? 1
        }
    }

    static let pageText = "---\ntitle: An example\nsummary: A page of the guide's examples.\n---\n"

    /// The examples as files, with what else a site needs.
    static func assemble(_ examples: [Example]) -> Folder {
        var folder = Folder()
        for example in examples {
            let inside = String(example.path.dropFirst("Content/".count))
            var text = folder.files[inside] ?? ""
            if !example.continues, example.path.hasSuffix(".md"), !example.text.hasPrefix("---") {
                text = pageText
            }
            if !text.isEmpty, !text.hasSuffix("\n\n"), example.continues { text += "\n" }
            let start = text.split(separator: "\n", omittingEmptySubsequences: false).count
            folder.parts[example.path, default: []].append((example, start))
            folder.files[inside] = text + example.text
        }
        if folder.files["site.yaml"] == nil { folder.files["site.yaml"] = Scratch.siteYAML }
        let settings = folder.files["site.yaml"]!
        // The pages the settings link to, and the home page, unless an example is one.
        var addresses = ["/"]
        for match in settings.matches(of: #/(?m)^\s*-?\s*(?:url|contacts_page|quick_exit_help):\s*(/[^\s#]*)\s*$/#) {
            addresses.append(String(match.output.1))
        }
        for address in addresses {
            let path = address.split(separator: "/").joined(separator: "/")
            let candidates = path.isEmpty ? ["index.md"] : ["\(path).md", "\(path)/index.md"]
            if candidates.allSatisfy({ folder.files[$0] == nil }) {
                folder.files[candidates.last!] = page(title: path.isEmpty ? "Home" : "Page \(path)")
            }
        }
        // A logo the settings name is the board's own file: a small one stands in for it.
        if let logo = settings.firstMatch(of: #/(?m)^\s+logo:\s*"?([^"\s]+)"?\s*$/#)?.output.1, folder.files[String(logo)] == nil {
            folder.files[String(logo)] = """
                <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#ffffff"/></svg>

                """
        }
        return folder
    }
}

extension Examples.Example {
    /// The docs line of the file line `line` this example wrote.
    func docsLine(for line: Int, in folder: Examples.Folder) -> Int {
        let offset = line - folder.start(of: self)
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return offset >= 0 && offset < count ? firstLine + offset : self.line
    }
}

/// Just enough of Markdown to read the docs: fenced blocks, links outside code, and
/// headings' anchors as GitHub makes them.
enum Markdown {
    enum Block {
        case line(String, Int)
        /// Its info string, its lines, and the line of its opening fence.
        case fenced(info: String, lines: [String], line: Int)
    }

    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if line.count - trimmed.count <= 3, let fence = trimmed.first, fence == "`" || fence == "~" {
                let run = trimmed.prefix { $0 == fence }.count
                if run >= 3 {
                    let info = trimmed.dropFirst(run).trimmingCharacters(in: .whitespaces)
                    var body: [String] = []
                    var end = index + 1
                    while end < lines.count {
                        let closing = lines[end].trimmingCharacters(in: .whitespaces)
                        if closing.count >= run, closing.allSatisfy({ $0 == fence }) { break }
                        body.append(lines[end])
                        end += 1
                    }
                    blocks.append(.fenced(info: info, lines: body, line: index + 1))
                    index = end + 1
                    continue
                }
            }
            blocks.append(.line(line, index + 1))
            index += 1
        }
        return blocks
    }

    /// Links written outside code: `[text](target)`, `<https://…>` and `[label]: target`.
    static func links(in text: String) -> [(target: String, line: Int)] {
        var found: [(String, Int)] = []
        var paragraph: [(String, Int)] = []
        func finish() {
            guard let first = paragraph.first?.1 else { return }
            var joined = paragraph.map(\.0).joined(separator: "\n")
            paragraph = []
            joined = joined.replacing(#/(`+)[\s\S]*?\1/#) { match in
                String(repeating: "\n", count: match.output.0.filter { $0 == "\n" }.count)
            }
            func line(of index: String.Index) -> Int { first + joined[..<index].filter { $0 == "\n" }.count }
            for match in joined.matches(of: #/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/#) {
                found.append((String(match.output.1), line(of: match.range.lowerBound)))
            }
            for match in joined.matches(of: #/<((?:https?|mailto):[^>\s]+)>/#) {
                found.append((String(match.output.1), line(of: match.range.lowerBound)))
            }
            for match in joined.matches(of: #/(?m)^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/#) {
                found.append((String(match.output.1), line(of: match.range.lowerBound)))
            }
        }
        for block in blocks(in: text) {
            switch block {
            case .line(let text, let number):
                if text.trimmingCharacters(in: .whitespaces).isEmpty { finish() } else { paragraph.append((text, number)) }
            case .fenced:
                finish()
            }
        }
        finish()
        return found
    }

    /// The anchors GitHub gives the headings: the heading's words in lower case, without
    /// punctuation, spaces made hyphens; a repeated one numbered -1, -2 …
    static func headingSlugs(in text: String) -> Set<String> {
        var slugs: Set<String> = []
        var counts: [String: Int] = [:]
        for block in blocks(in: text) {
            guard case .line(let line, _) = block,
                let heading = line.firstMatch(of: #/^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/#)
            else { continue }
            var words = String(heading.output.1)
            words = words.replacing(#/!?\[([^\]]*)\]\([^)]*\)/#) { String($0.output.1) }
            words = words.replacing(#/<[^>]+>/#, with: "")
            let kept = words.lowercased().unicodeScalars.filter { scalar in
                let properties = scalar.properties
                return properties.isAlphabetic || properties.numericType != nil || scalar == "-" || scalar == "_" || scalar == " "
                    || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
            }
            let slug = String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-")
            if let count = counts[slug] {
                slugs.insert("\(slug)-\(count)")
                counts[slug] = count + 1
            } else {
                slugs.insert(slug)
                counts[slug] = 1
            }
        }
        return slugs
    }
}
