/// Reads Mustache text into nodes. Tags that stand alone on a line (sections, comments,
/// partials, delimiter changes) take their line with them, as the specification says, so
/// templates can be laid out one tag per line without blank lines in the output. A
/// mistake is noted and reading goes on, so a theme's problems are all reported at once.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var includes: [PartialInclude] = []
    private var problems: [TemplateSyntaxError] = []

    /// The template and every mistake in it; with mistakes, the template is what could be
    /// read (its includes are still all known).
    static func parse(_ text: String) -> (template: Template, problems: [TemplateSyntaxError]) {
        var parser = TemplateParser(bytes: Array(text.utf8))
        let nodes = parser.parseNodes(until: nil)
        return (Template(nodes: nodes, includes: parser.includes), parser.problems)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private enum Tag {
        case value(String, escaped: Bool)
        case section(String, inverted: Bool)
        case close(String)
        case partial(String)
        case comment
        case delimiters([UInt8], [UInt8])
        /// A tag that was read but is wrong; reading goes on after it.
        case mistake(TemplateSyntaxError)

        /// Tags that vanish with their line when alone on it.
        var canStandAlone: Bool {
            if case .value = self { return false }
            return true
        }
    }

    /// Nodes up to the closing tag of `section`, or the end.
    private mutating func parseNodes(until section: (name: String, start: Int)?) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)) }
            text.removeAll(keepingCapacity: true)
        }
        while position < bytes.count {
            guard matches(open, at: position) else {
                text.append(bytes[position])
                position += 1
                continue
            }
            let start = position
            let tag: Tag
            let end: Int
            switch readTag(at: start) {
            case .success(let read): (tag, end) = read
            case .failure(let problem):
                // The rest cannot be split into tags: keep it as text and stop.
                problems.append(problem)
                text += bytes[start...]
                position = bytes.count
                continue
            }
            // Standalone: only blanks before it on its line, and only blanks then the line's end after.
            let lineStart = (bytes[..<start].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            var after = end
            while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 { after += 1 }
            let endsLine = after == bytes.count || bytes[after] == 0x0A
                || (bytes[after] == 0x0D && after + 1 < bytes.count && bytes[after + 1] == 0x0A)
            let blanksBefore = bytes[lineStart..<start].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            let standalone = tag.canStandAlone && blanksBefore && endsLine
                && lineStart >= start - text.count
            var indentation = ""
            if standalone {
                indentation = String(decoding: bytes[lineStart..<start], as: UTF8.self)
                text.removeLast(start - lineStart)
                position = after == bytes.count ? after : after + (bytes[after] == 0x0D ? 2 : 1)
            } else {
                position = end
            }
            switch tag {
            case .value(let name, let escaped):
                flush()
                nodes.append(.value(path(name, at: start), escaped: escaped))
            case .section(let name, let inverted):
                flush()
                let path = path(name, at: start)
                let body = parseNodes(until: (name, start))
                nodes.append(.section(path, inverted: inverted, body: body))
            case .close(let name):
                guard let section else {
                    problems.append(error(at: start, "this closes the section “\(name)”, which was never opened",
                                          hint: "Remove {{/\(name)}}, or open the section before it with {{#\(name)}}."))
                    continue
                }
                if name != section.name {
                    problems.append(error(at: start, "this closes “\(name)”, but the open section is “\(section.name)”",
                                          hint: "Close sections in the reverse order they were opened: {{/\(section.name)}} comes first."))
                }
                flush()
                return nodes
            case .partial(let name):
                flush()
                let (line, column) = location(of: start)
                includes.append(PartialInclude(name: name, indentation: indentation, line: line, column: column))
                nodes.append(.partial(name: name, indentation: indentation))
            case .comment:
                break
            case .mistake(let problem):
                problems.append(problem)
            case .delimiters(let newOpen, let newClose):
                open = newOpen
                close = newClose
            }
        }
        flush()
        if let section {
            problems.append(error(at: section.start, "the section “\(section.name)” is opened here but never closed",
                                  hint: "Add {{/\(section.name)}} where the section should end."))
        }
        return nodes
    }

    /// The tag starting at `start` (at an opening delimiter), and where it ends.
    private func readTag(at start: Int) -> Result<(Tag, Int), TemplateSyntaxError> {
        var inner = start + open.count
        let triple = open == Array("{{".utf8) && inner < bytes.count && bytes[inner] == UInt8(ascii: "{")
        let closing = triple ? [UInt8(ascii: "}")] + close : close
        if triple { inner += 1 }
        guard let closeAt = find(closing, from: inner) else {
            return .failure(error(at: start, "this tag is not closed with \(String(decoding: closing, as: UTF8.self))",
                        hint: "Every tag needs its closing braces, e.g. {{title}}."))
        }
        let end = closeAt + closing.count
        let content = String(decoding: bytes[inner..<closeAt], as: UTF8.self).trimmingWhitespace()
        if triple { return .success((.value(content, escaped: false), end)) }
        let sigil = content.first
        let rest = String(content.dropFirst()).trimmingWhitespace()
        guard !(content.isEmpty || ("#^/>&".contains(sigil!) && rest.isEmpty)) else {
            return .success((.mistake(error(at: start, "this tag has no name", hint: "Write the name of a value inside the braces, e.g. {{#items}}.")), end))
        }
        switch sigil {
        case "#": return .success((.section(rest, inverted: false), end))
        case "^": return .success((.section(rest, inverted: true), end))
        case "/": return .success((.close(rest), end))
        case ">": return .success((.partial(rest), end))
        case "&": return .success((.value(rest, escaped: false), end))
        case "!": return .success((.comment, end))
        case "=":
            let parts = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard content.hasSuffix("="), parts.count == 2 else {
                return .success((.mistake(error(at: start, "this tag changes the delimiters but is not written {{=<% %>=}}",
                            hint: "Give the new opening and closing delimiters, separated by a space, between two = signs.")), end))
            }
            return .success((.delimiters(Array(parts[0].utf8), Array(parts[1].utf8)), end))
        case "<", "$", "%":
            return .success((.mistake(error(at: start, "this kind of tag ({{\(sigil!)…}}) is not supported",
                        hint: "Use sections ({{#…}}), partials ({{>…}}) and values ({{…}}); see the theme section of the README.")), end))
        default: return .success((.value(content, escaped: true), end))
        }
    }

    /// `name`, `a.b`, `.`, `empty(list)` or `first()`.
    private mutating func path(_ written: String, at start: Int) -> TemplatePath {
        var name = Substring(written)
        var functions: [TemplateFunction] = []
        while name.hasSuffix(")"), let paren = name.firstIndex(of: "(") {
            let function = String(name[..<paren]).trimmingWhitespace()
            if let known = TemplateFunction(rawValue: function) {
                functions.insert(known, at: 0)
            } else {
                problems.append(error(at: start, "there is no function “\(function)” for templates",
                                      hint: "Known: \(TemplateFunction.allCases.map { "\($0.rawValue)(…)" }.joined(separator: ", "))."))
            }
            name = Substring(String(name[name.index(after: paren)..<name.index(before: name.endIndex)]).trimmingWhitespace())
        }
        let aboutItem = name.isEmpty && !functions.isEmpty

        let names = name == "." || name.isEmpty ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if names.contains(where: \.isEmpty) || names.contains(where: { $0.contains(where: { " ()".contains($0) }) }) {
            problems.append(error(at: start, "“\(written)” is not a name a template can use",
                                  hint: "Names are letters and digits, with dots between parts, e.g. {{page.title}}."))
        }
        return TemplatePath(names: names, functions: functions, aboutItem: aboutItem)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from index: Int) -> Int? {
        var at = index
        while at + pattern.count <= bytes.count {
            if matches(pattern, at: at) { return at }
            at += 1
        }
        return nil
    }

    /// Line and column (in characters, from 1) of a byte offset.
    private func location(of offset: Int) -> (Int, Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    private func error(at offset: Int, _ message: String, hint: String) -> TemplateSyntaxError {
        let (line, column) = location(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message, hint: hint)
    }
}
