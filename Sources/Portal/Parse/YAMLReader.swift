import Yams

/// Parses YAML into `YAMLNode`s, which keep their positions: plain front matter straight
/// from the text (FlatYAML), anything else through Yams, whose terse libyaml messages it
/// turns into ones a non-programmer can act on.
enum YAMLReader {
    /// A line and column inside the YAML text, from 1.
    struct Position {
        var line: Int
        var column: Int

        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        init(_ mark: Mark) { self.init(line: mark.line, column: mark.column) }
    }

    /// Made once: `Constructor.default` builds its tables on every call. Never changed.
    private nonisolated(unsafe) static let constructor = Constructor.default

    /// `firstLine` is the file line where the YAML text starts.
    static func parse(_ yaml: String, in file: SourceFile, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        if let flat = FlatYAML.parse(yaml) { return .success(flat) }
        // What libyaml would let through; and lines of blanks with a tab among them, which
        // are blank lines (libyaml stops at the tab).
        let layout = YAMLLayout(yaml, firstLine: firstLine)
        func refusal(_ found: YAMLLayout.Violation) -> Result<YAMLNode?, Diagnostic> {
            .failure(file.error(line: found.line + firstLine - 1, column: found.column, found.message, hint: found.hint))
        }
        if let found = layout.violation, found.beforeLibyaml { return refusal(found) }
        do {
            let node = try composed(layout.blankingTabbedLines(yaml))
            if let found = layout.violation { return refusal(found) }
            return .success(node)
        } catch let refused as YAMLLayout.Violation {
            return refusal(refused)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: file, yaml: yaml, firstLine: firstLine))
        } catch {
            return .failure(file.error(line: firstLine, column: 1, "this YAML could not be read: \(error)", hint: "Check the lines for a stray quote, a missing colon or uneven indentation."))
        }
    }

    /// An anchor (`&name`), refused: with aliases (`*name`) a few lines can stand for
    /// billions of values (337 bytes once took 2.3 GB), and no board's file needs them.
    static func anchor(line: Int, column: Int) -> YAMLLayout.Violation {
        YAMLLayout.Violation(
            line: line, column: column, message: "this value is named with & or repeated with *, which portal does not read",
            hint: "Write each value out in full where it is needed (a name such as &name or *name lets a few lines of YAML grow without end). A value that starts with & or * goes in quotes.")
    }

    /// A name (a mapping's key) that is a list or a mapping: no field has one.
    static func nameNotText(line: Int, column: Int) -> YAMLLayout.Violation {
        YAMLLayout.Violation(
            line: line, column: column, message: "a name must be plain text, not a list or a mapping",
            hint: "Write `name: value`, with the name as plain words. A ? or [ at the start of a line makes a name of what follows.")
    }

    /// The YAML read by Yams (libyaml).
    static func composed(_ yaml: String) throws -> YAMLNode? {
        // Every value is read as text (FieldReader checks dates, numbers and flags itself),
        // so no implicit typing: Yams's default resolver runs regular expressions on every
        // scalar. UTF-8 is named: the default asks the environment on every call.
        let parser = try Parser(yaml: yaml, resolver: .basic, constructor: constructor, encoding: .utf8)
        // Nodes hold their anchor weakly; the parser keeps them while the nodes are read, so
        // the first anchor is found before any alias to it is followed.
        return try withExtendedLifetime(parser) { try parser.singleRoot().map(converted) }
    }

    /// Yams' node as portal's: its text, its style as FieldReader needs it, and its position.
    private static func converted(_ node: Node) throws -> YAMLNode {
        let (line, column) = (node.mark?.line ?? 1, node.mark?.column ?? 1)
        if node.anchor != nil { throw anchor(line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            let style: YAMLNode.Style = switch scalar.style {
            case .singleQuoted, .doubleQuoted: .quoted
            case .literal, .folded: .block
            case .any, .plain: .plain
            }
            return YAMLNode(value: .scalar(scalar.string, style), line: line, column: column)
        case .sequence(let sequence):
            return YAMLNode(value: .sequence(try sequence.map(converted)), line: line, column: column)
        case .mapping(let mapping):
            let entries = try mapping.map { key, value in
                let name = try converted(key)
                guard let text = name.string else { throw nameNotText(line: name.line, column: name.column) }
                return YAMLEntry(key: text, keyLine: name.line, keyColumn: name.column, value: try converted(value))
            }
            return YAMLNode(value: .mapping(entries), line: line, column: column)
        case .alias:
            // `compose` replaces every alias with the value it names; none reach here.
            return YAMLNode(value: .scalar("", .plain), line: line, column: column)
        }
    }

    private static func diagnostic(
        for error: YamlError, in file: SourceFile, yaml: String, firstLine: Int
    ) -> Diagnostic {
        func at(_ mark: Position, _ message: String, _ hint: String) -> Diagnostic {
            file.error(line: mark.line + firstLine - 1, column: mark.column, message, hint: hint)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let line = file.line(mark.line + firstLine - 1)
            return explain(problem: problem, context: context, mark: Position(mark), line: line, at: at)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            let mark = secondOccurrence(of: duplicates.first ?? "", in: yaml) ?? Position(context.mark)
            return at(
                mark, "\(names) is given more than once",
                "Keep one line for each name and delete the others.")
        case let .reader(problem, _, _, _):
            return file.error(line: firstLine, column: 1, "this YAML could not be read (\(problem))", hint: "Save the file as UTF-8 text and check it for unusual characters.")
        default:
            return file.error(line: firstLine, column: 1, "this YAML could not be read (\(error))", hint: "Check the lines for a stray quote, a missing colon or uneven indentation.")
        }
    }

    /// `title: Safe sleep: my space` → `title: "Safe sleep: my space"`, the line as it should be.
    private static func quotedExample(_ line: String?) -> String? {
        guard let line, let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound]
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.contains("\""), !value.isEmpty, !value.hasPrefix("\"") else { return nil }
        return "\(key): \"\(value.replacingOccurrences(of: "\"", with: "\\\""))\""
    }

    /// Where a repeated name is written the second time (libyaml only knows the mapping).
    private static func secondOccurrence(of key: String, in yaml: String) -> Position? {
        var seen = false
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" else { continue }
            if seen { return Position(line: index + 1, column: line.count - trimmed.count + 1) }
            seen = true
        }
        return nil
    }

    private static func explain(
        problem: String, context: YamlError.Context?, mark: Position, line: String?,
        at: (Position, String, String) -> Diagnostic
    ) -> Diagnostic {
        let during = context?.text ?? ""
        if problem.contains("unknown escape character") {
            return at(
                mark, "a backslash in double quotes starts an escape, and this one is not known",
                "Write the value in single quotes, where a backslash is just a backslash ('C:\\Documents'), or write each backslash twice (\\\\).")
        }
        if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            let close: Character = problem.contains("']'") ? "]" : "}"
            if let line, line.contains(close) {
                return at(
                    mark, "a comma is missing between two items of this list",
                    "Put a comma between the items, like [cse, online-safety].")
            }
        }
        if problem.contains("mapping values are not allowed"), let line, line.first == " " || line.first == "\t",
            line.drop(while: { $0 == " " || $0 == "\t" }).prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }).count > 0
        {
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            return at(
                Position(line: mark.line, column: 1), "this line starts with \(indent == 1 ? "a space" : "\(indent) spaces"), so it reads as part of the value above",
                "Remove the spaces at the start of the line: each `name: value` line starts at the left edge.")
        }
        if during.contains("alias") || during.contains("anchor") {
            // At the value's first character, not where libyaml gave up on it.
            let start = line.flatMap { line -> Int? in
                let scalars = Array(line.unicodeScalars)
                return scalars.indices.last { $0 < mark.column && (scalars[$0] == "*" || scalars[$0] == "&") && ($0 == 0 || scalars[$0 - 1] == " ") }
            }
            return at(
                start.map { Position(line: mark.line, column: $0 + 1) } ?? mark, "a value that starts with * or & must be in quotes",
                "Put the whole value in double quotes, like title: \"*important*\".")
        }
        if problem.contains("tab character") || problem.contains("cannot start any token") {
            return at(
                mark, "this line contains a character that cannot start a value here (often a tab)",
                "Indent with spaces, not tabs. If the value starts with a special character such as @, ` or %, put the whole value in quotes.")
        }
        if problem.contains("mapping values are not allowed") {
            return at(
                mark, "a value contains a colon followed by a space",
                "Put the whole value in double quotes: \(quotedExample(line) ?? "title: \"Safe sleep: my sleep, my space\"").")
        }
        if during.contains("flow sequence") || during.contains("flow mapping"), let start = context?.mark {
            let (what, open, close) = during.contains("sequence") ? ("list", "[", "]") : ("value", "{", "}")
            return at(
                Position(start), "this \(what) is never closed: it opens with \(open) but has no \(close)",
                "Close it on the same line, like topics: [first, second]; a value with a comma or \(close) in it goes in quotes.")
        }
        if during.contains("quoted scalar"), let start = context?.mark {
            return at(
                Position(start), "this quoted value is never closed",
                "Add the closing quote mark at the end of the value, on the same line.")
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return at(
                mark, "this line does not line up with the lines around it",
                "Each line must be `name: value` starting at the left edge; list items start with `- ` and line up under each other.")
        }
        if problem.contains("could not find expected ':'") {
            return at(
                mark, "this line is not a `name: value` pair",
                "Write a name, a colon, a space, then the value. If the value spans lines, put it in quotes on one line.")
        }
        return at(
            mark, "the front matter is not valid YAML (\(problem)\(during.isEmpty ? "" : ", \(during)"))",
            "Check the line for a missing colon, a stray quote or uneven indentation.")
    }
}
