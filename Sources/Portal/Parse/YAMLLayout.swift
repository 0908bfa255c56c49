/// What libyaml lets through that YAML does not allow, found by one pass over the text:
/// libyaml is lenient where the specification is strict, and some of that leniency drops
/// text without a word (`"value"# more` loses `# more`) or changes a value. Checked here,
/// each is refused at its line and column (the yaml-test-suite's cases are the test):
///
/// - a `#` that touches what is before it (`]#`, `,#` in a list, `>#`, after a closing
///   quote), or any other text after a closing quote;
/// - a directive (`%YAML`): front matter and data files have none;
/// - in `[ ]` or `{ }`, a lone `-` or a value starting `?`, which need quotes;
/// - a list in `[ ]` or a quoted value that goes on over lines, where a following line is
///   not indented further than the line it started on, or is indented with a tab;
/// - in a `|` or `>` block, a line of only spaces at the block's start or end, indented
///   further than the block's text (libyaml reads the text around it wrongly).
///
/// It also finds the lines made only of blanks with a tab among them outside such blocks:
/// they are blank lines, which libyaml refuses.
struct YAMLLayout {
    /// Something refused, at its line and column in the YAML text (also thrown by
    /// `YAMLReader` for what it refuses as it reads libyaml's nodes).
    struct Violation: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
        var hint: String
        /// Said even when libyaml refuses the text too: libyaml's own words for it are worse.
        var beforeLibyaml = false
    }

    /// The first thing libyaml would let through, if any (lines and columns from 1).
    private(set) var violation: Violation?
    /// Lines (from 1) of blanks with a tab among them, outside `|` and `>` blocks.
    private(set) var tabbedBlankLines: [Int] = []

    /// A `|` or `>` block being read: the indentation of the line it starts on, its text's
    /// indentation once known, and its lines of only spaces not yet followed by text.
    private struct Block {
        var parent: Int
        var indent: Int?
        var blanks: [(line: Int, spaces: Int)] = []
    }

    /// A list or quoted value going on over lines: the indentation its lines must pass,
    /// nil when it stands alone at the top of the text (no indentation is asked of it).
    private var over: (indent: Int?, line: Int)?
    private var block: Block?
    private var depth = 0
    private var quote: Unicode.Scalar?
    /// The indentation of the line above when it ended in plain text, which a more
    /// indented line goes on with.
    private var plain: Int?

    /// `firstLine` is the file line of the text's first line, for messages that name a line.
    private let firstLine: Int

    init(_ yaml: String, firstLine: Int = 1) {
        self.firstLine = firstLine
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where violation == nil {
            read(Array(line.unicodeScalars), number: index + 1)
        }
        if violation == nil, let block { endBlock(block) }
    }

    /// `yaml` with the tabbed blank lines made empty.
    func blankingTabbedLines(_ yaml: String) -> String {
        guard !tabbedBlankLines.isEmpty else { return yaml }
        let blank = Set(tabbedBlankLines)
        return yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { blank.contains($0.offset + 1) ? "" : $0.element }.joined(separator: "\n")
    }

    private mutating func fail(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
        if violation == nil { violation = Violation(line: line, column: column, message: message, hint: hint) }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    private mutating func read(_ line: [Unicode.Scalar], number: Int) {
        let spaces = line.prefix { $0 == " " }.count
        let isBlankLine = line.allSatisfy(Self.isBlank)

        if var open = block {
            if isBlankLine {
                open.blanks.append((number, spaces))
                block = open
                return
            }
            if open.indent == nil, spaces > open.parent {
                open.indent = spaces
                for blank in open.blanks where blank.spaces > spaces {
                    fail(
                        blank.line, 1, "this line of only spaces, at the start of a block of text, is indented further than the text",
                        "Delete the spaces on this line.")
                }
                open.blanks = []
                block = open
                return
            }
            if let indent = open.indent, spaces >= indent {
                open.blanks = []
                block = open
                return
            }
            endBlock(open)
            block = nil
        }

        if isBlankLine {
            if line.contains("\t") { tabbedBlankLines.append(number) }
            return
        }

        var index = 0
        if let going = over {
            // A line of a list or quoted value that started above.
            if let indent = going.indent, spaces <= indent {
                let tab = spaces < line.count && line[spaces] == "\t"
                let start = going.line + firstLine - 1
                fail(
                    number, spaces + 1,
                    tab ? "a tab cannot indent this line of a value that started on line \(start)"
                        : "this line goes on with the value that started on line \(start), so it must be indented further",
                    "Indent the line with spaces, more than line \(start) is indented, or keep the value on one line.")
                return
            }
        } else if line.first == "%" {
            fail(number, 1, "a line starting with % is a YAML directive, which front matter and data files do not have",
                 "If it is part of a value, put the value in quotes.")
            violation?.beforeLibyaml = true
            return
        }

        // Whether a value may start here: at the line's start (unless it goes on with plain
        // text from the line above), and after an indicator (`key: `, `- `, `? `, and `[`,
        // `{`, `,` in a list). Only there do quotes, `[`, `{`, `|` and `>` mean anything.
        var expecting = !(plain.map { quote == nil && depth == 0 && over == nil && spaces > $0 } ?? false)
        var last: Unicode.Scalar?  // the last character read on this line that is not a blank
        plain = nil
        while index < line.count, violation == nil {
            let scalar = line[index]
            defer { index += 1 }
            if let open = quote {
                if open == "\"", scalar == "\\" {
                    index += 1
                } else if scalar == open {
                    if open == "'", index + 1 < line.count, line[index + 1] == "'" {
                        index += 1
                    } else {
                        quote = nil
                        last = scalar
                        expecting = false
                        if depth == 0 { over = nil }
                        afterQuote(line, from: index + 1, number: number)
                    }
                }
                continue
            }
            if Self.isBlank(scalar) { continue }
            let previous: Unicode.Scalar? = index > 0 ? line[index - 1] : nil
            let next: Unicode.Scalar? = index + 1 < line.count ? line[index + 1] : nil
            let startsToken = expecting
            expecting = false
            // (A `where` in a case with several patterns holds for the last only: hence `_ where`.)
            switch scalar {
            case "#":
                if previous.map(Self.isBlank) ?? true { return }  // a comment: the rest of the line
                if let last, (depth > 0 && ",[{".unicodeScalars.contains(last)) || "]}".unicodeScalars.contains(last) {
                    fail(number, index + 1, "a comment needs a space before its #", "Put a space before the #, or put the value in quotes.")
                }
            case _ where (scalar == "\"" || scalar == "'") && startsToken:
                quote = scalar
                if over == nil { over = (indentation(spaces, at: index), number) }
            case _ where (scalar == "[" || scalar == "{") && (startsToken || depth > 0):
                if depth == 0 { over = (indentation(spaces, at: index), number) }
                depth += 1
                expecting = true
                itemStart(line, from: index + 1, number: number)
            case _ where (scalar == "]" || scalar == "}") && depth > 0:
                depth -= 1
                if depth == 0 { over = nil }
            case "," where depth > 0:
                expecting = true
                itemStart(line, from: index + 1, number: number)
            case _ where (scalar == "-" || scalar == "?") && startsToken:
                expecting = next.map(Self.isBlank) ?? true  // an indicator, or the start of plain text
            case ":":
                expecting = next.map { Self.isBlank($0) || (depth > 0 && ",]}".unicodeScalars.contains($0)) } ?? true
            case _ where (scalar == "|" || scalar == ">") && depth == 0 && startsToken:
                var end = index + 1
                while end < line.count, "123456789+-".unicodeScalars.contains(line[end]) { end += 1 }
                if end < line.count, line[end] == "#" {
                    fail(number, end + 1, "a comment needs a space before its #", "Put a space between the \(scalar) and the #.")
                    return
                }
                guard end == line.count || Self.isBlank(line[end]) else { break }
                let digit = line[(index + 1)..<end].first { ("1"..."9").contains($0) }.map { Int($0.value) - 48 }
                block = Block(parent: spaces, indent: digit.map { spaces + $0 })
                return
            default: break
            }
            last = scalar
        }
        // A line ending in plain text may go on, more indented, on the next.
        if !expecting, quote == nil, depth == 0 { plain = spaces }
    }

    /// The indentation the following lines of a value opened at `index` must pass: the
    /// line's own, or nil for a value that stands alone at the top (nothing before it).
    private func indentation(_ spaces: Int, at index: Int) -> Int? {
        spaces == 0 && index == 0 ? nil : spaces
    }

    /// After a closing quote: nothing, a blank, or what may follow a value.
    private mutating func afterQuote(_ line: [Unicode.Scalar], from start: Int, number: Int) {
        var next = start
        while next < line.count, Self.isBlank(line[next]) { next += 1 }
        guard next < line.count else { return }
        if line[next] == "#" && next > start { return }
        if ":,]}".unicodeScalars.contains(line[next]) { return }
        fail(
            number, next + 1, "there is more after the closing quote: “\(String(String.UnicodeScalarView(line[next...])))”",
            "Put the whole value inside the quotes. A comment after a value needs a space before its #.")
    }

    /// The start of an item in `[ ]` or `{ }`: a lone `-`, or `?` before text, needs quotes.
    private mutating func itemStart(_ line: [Unicode.Scalar], from start: Int, number: Int) {
        var at = start
        while at < line.count, Self.isBlank(line[at]) { at += 1 }
        guard at < line.count else { return }
        var after = at + 1
        while after < line.count, Self.isBlank(line[after]) { after += 1 }
        let ends = after == line.count || ",]}".unicodeScalars.contains(line[after])
        if line[at] == "-", ends {
            fail(number, at + 1, "a - on its own in [ ] or { } must be in quotes", "Write it \"-\", or leave it out.")
        } else if line[at] == "?", at + 1 < line.count, !Self.isBlank(line[at + 1]) {
            fail(number, at + 1, "a value in [ ] or { } that starts with ? must be in quotes", "Put the whole value in quotes, like \"?value\".")
        }
    }

    /// The end of a `|` or `>` block: lines of only spaces just before it, indented further
    /// than its text, are refused (libyaml drops or keeps the wrong part of them).
    private mutating func endBlock(_ block: Block) {
        guard let indent = block.indent else {
            if let blank = block.blanks.first(where: { $0.spaces > block.parent }) {
                fail(blank.line, 1, "this block of text holds only spaces", "Write its text, or delete the spaces on this line.")
            }
            return
        }
        for blank in block.blanks where blank.spaces > indent {
            fail(
                blank.line, 1, "this line of only spaces, at the end of a block of text, is indented further than the text",
                "Delete the spaces on this line.")
        }
    }
}
