import Foundation

/// Reads typed values out of a YAML mapping, remembering where each came from, so every
/// problem points at its line and column. Unknown names become warnings with a suggestion.
final class FieldReader {
    let file: SourceFile
    private let firstLine: Int
    private let node: YAMLNode?
    private let what: String
    /// False when the YAML is not a mapping at all: that one error says it all.
    private var isMapping = true
    private var entries: [YAMLEntry] = []
    private var read: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    /// `firstLine` is the file line of the YAML text's first line.
    init(_ node: YAMLNode?, in file: SourceFile, firstLine: Int, what: String = "front matter") {
        self.file = file
        self.firstLine = firstLine
        self.node = node
        self.what = what
        guard let node else { return }
        if case .mapping(let mapping) = node.value {
            entries = mapping
        } else {
            isMapping = false
            let (line, column) = position(of: node)
            diagnostics.append(file.error(
                line: line, column: column, "the \(what) must be `name: value` lines",
                hint: "Write one `name: value` pair a line, e.g. `title: Private fostering`."))
        }
    }

    /// Front matter is the whole mapping of a page; anything else is an entry inside one.
    private var isFrontMatter: Bool { what == "front matter" }

    /// Where this mapping starts, for problems that have no line of their own: the opening
    /// `---` of front matter, or the first line of an entry.
    var start: (line: Int, column: Int) {
        if !isFrontMatter, let node { return position(of: node) }
        return (max(1, firstLine - 1), 1)
    }

    func position(of node: YAMLNode) -> (line: Int, column: Int) {
        (node.line + firstLine - 1, node.column)
    }

    private func position(of entry: YAMLEntry) -> (line: Int, column: Int) {
        (entry.keyLine + firstLine - 1, entry.keyColumn)
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Whether `key` is given as a single piece of text, not a group or a list: for a field
    /// that may be either (`professionals: none`, or a group of limits).
    func isText(_ key: String) -> Bool { entries.first { $0.key == key }?.value.string != nil }

    /// The names asked for so far: the fields this reader knows.
    var asked: [String] { read.sorted() }

    /// The value node of `key`, marking it as known.
    private func value(_ key: String, required: Bool) -> YAMLNode? {
        read.insert(key)
        guard let entry = entries.first(where: { $0.key == key }) else {
            if required && isMapping {
                let (line, column) = start
                diagnostics.append(file.error(
                    line: line, column: column, "`\(key)` is missing from the \(what) starting here",
                    hint: isFrontMatter
                        ? "Add a line `\(key): …` between the two --- lines."
                        : what.hasPrefix("entry") || what.hasPrefix("group")
                            ? "Add a line `\(key): …` to this \(what.hasPrefix("group") ? "group" : "entry"), lined up with its other lines."
                            : "Add a line `\(key): …` at the left edge of the file."))
            }
            return nil
        }
        if case .scalar("", .plain) = entry.value.value {
            if required { fail(at: position(of: entry), "`\(key)` is empty", hint: "Write a value after `\(key):`.") }
            return nil
        }
        return entry.value
    }

    func fail(_ node: YAMLNode, _ message: String, hint: String? = nil) {
        fail(at: position(of: node), message, hint: hint)
    }

    private func fail(at position: (line: Int, column: Int), _ message: String, hint: String? = nil) {
        let (line, column) = position
        diagnostics.append(file.error(line: line, column: column, message, hint: hint))
    }

    /// Reports a problem with the value of `key` (or where the mapping starts, if absent).
    func failField(_ key: String, _ message: String, hint: String? = nil) {
        let (line, column) = located(key) ?? start
        diagnostics.append(file.error(line: line, column: column, message, hint: hint))
    }

    /// Where the value of every field asked for was written.
    var locations: [String: SourceLocation] {
        var found: [String: SourceLocation] = [:]
        for entry in entries where read.contains(entry.key) {
            let (line, column) = position(of: entry.value)
            found[entry.key] = SourceLocation(path: file.path, line: line, column: column)
        }
        return found
    }

    /// A value with its position, for checks made later (e.g. links resolved after reading).
    func located(_ key: String) -> (line: Int, column: Int)? {
        entries.first { $0.key == key }.map { position(of: $0.value) }
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        guard let string = node.string else {
            fail(node, "`\(key)` must be a single piece of text", hint: "Write it on the same line: `\(key): …`.")
            return nil
        }
        let text = string.trimmingWhitespace()
        if text.isEmpty, required { fail(node, "`\(key)` is empty", hint: "Write a value after `\(key):`.") }
        return text.isEmpty ? nil : text
    }

    /// A year that runs into the next, like 2012-13 (a programme, a plan, a reporting
    /// period). It is part of addresses: its form leaves no room for anything else, and it
    /// goes through the one path check all the same. `kind` names it in the message ("a
    /// plan year like 2013-14").
    func period(_ key: String, required: Bool = false, kind: String, example: String) -> String? {
        guard let text = string(key, required: required) else { return nil }
        guard Self.isPeriod(text), SitePath.isCleanSegment(text) else {
            failField(
                key, "`\(key)` must be \(kind) like \(example), not “\(text)”",
                hint: "Write the first year in full, a hyphen, and the last two digits of the next year.")
            return nil
        }
        return text
    }

    /// `2012-13`: four digits, a hyphen, and the next year's last two digits.
    static func isPeriod(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
            bytes.indices.allSatisfy({ $0 == 4 || (0x30...0x39).contains(bytes[$0]) }),
            let first = Int(text.prefix(4)), let second = Int(text.suffix(2))
        else { return false }
        return (first + 1) % 100 == second
    }

    func day(_ key: String, required: Bool = false) -> Day? {
        guard let node = value(key, required: required) else { return nil }
        guard let text = node.string, let day = Day(iso: text.trimmingWhitespace()) else {
            if let text = node.string, Day.looksLikeISO(text) {
                fail(node, "`\(key)` is \(text), which is not a date in the calendar", hint: "Check the month and the day.")
                return nil
            }
            fail(
                node, "`\(key)` must be a date written year-month-day, not “\(node.string ?? "a list")”",
                hint: "Write it like \(key): 2026-11-21 (four-digit year, two-digit month, two-digit day).")
            return nil
        }
        return day
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key, required: false) else { return nil }
        switch node.string?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail(node, "`\(key)` must be true or false, not “\(node.string ?? "a list")”", hint: "Write \(key): true or \(key): false.")
            return nil
        }
    }

    func int(_ key: String, required: Bool = false, minimum: Int = 1) -> Int? {
        guard let node = value(key, required: required) else { return nil }
        guard let text = node.string, let number = Int(text), number >= minimum else {
            fail(
                node, "`\(key)` must be a whole number of at least \(minimum), not “\(node.string ?? "a list")”",
                hint: "Write digits only, e.g. \(key): 4.")
            return nil
        }
        return number
    }

    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool = false, as: Choice.Type = Choice.self
    ) -> Choice? where Choice.RawValue == String {
        guard let node = value(key, required: required) else { return nil }
        return parseChoice(node, key: key)
    }

    /// A single value or a list of values, each one of `Choice`.
    func choices<Choice: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool = false, as: Choice.Type = Choice.self
    ) -> [Choice] where Choice.RawValue == String {
        guard let node = value(key, required: required) else { return [] }
        let items = node.sequence ?? [node]
        if items.isEmpty, required { fail(node, "`\(key)` is an empty list", hint: "Give at least one value.") }
        return items.compactMap { parseChoice($0, key: key) }
    }

    private func parseChoice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, key: String) -> Choice?
    where Choice.RawValue == String {
        let allowed = Choice.allCases.map(\.rawValue)
        guard let text = node.string, let choice = Choice(rawValue: text.trimmingWhitespace()) else {
            let given = node.string ?? "a list"
            let suggestion = closest(to: given, in: allowed).map { " Did you mean `\($0)`?" } ?? ""
            fail(
                node, "`\(key)` must be one of \(allowed.joined(separator: ", ")), not “\(given)”",
                hint: "Use one of the values listed.\(suggestion)")
            return nil
        }
        return choice
    }

    /// A single piece of text or a list of them.
    func strings(_ key: String) -> [String] { locatedStrings(key).map(\.value) }

    /// A single piece of text or a list of them, each with where it was written.
    func locatedStrings(_ key: String) -> [(value: String, line: Int, column: Int)] {
        guard let node = value(key, required: false) else { return [] }
        let items = node.sequence ?? [node]
        return items.compactMap { item in
            guard let text = item.string else {
                fail(item, "each entry of `\(key)` must be a single piece of text", hint: "Write each entry as plain text: [first, second], or one per line starting `- `.")
                return nil
            }
            let (line, column) = position(of: item)
            return (text.trimmingWhitespace(), line, column)
        }
    }

    /// Markdown text, with the file line its first line is on and its indentation, so
    /// positions inside it can be reported in the file.
    func markdown(_ key: String, required: Bool = false) -> (text: String, firstLine: Int, indent: Int)? {
        guard let node = value(key, required: required) else { return nil }
        guard case .scalar(let text, let style) = node.value else {
            fail(node, "`\(key)` must be text", hint: "Write it after `\(key): |` on the lines below, indented.")
            return nil
        }
        let (line, column) = position(of: node)
        if style == .block {
            let first = line + 1
            let indent = file.line(first).map { $0.prefix { $0 == " " }.count } ?? 0
            return (text, first, indent)
        }
        return (text, line, column - 1)
    }

    /// A list of mappings, each read by its own reader sharing this file.
    func list(_ key: String, required: Bool = false) -> [FieldReader] {
        guard let node = value(key, required: required) else { return [] }
        guard let sequence = node.sequence else {
            fail(node, "`\(key)` must be a list, with each entry starting `- `", hint: "See the example in docs/CONTENT-FORMAT.md: each entry on its own line, starting `- `, its fields lined up under it.")
            return []
        }
        return sequence.map { FieldReader($0, in: file, firstLine: firstLine, what: "entry of `\(key)`") }
    }

    /// A group of fields indented under `key` (such as `branding:`), read by its own reader.
    func group(_ key: String) -> FieldReader? {
        guard let node = value(key, required: false) else { return nil }
        guard case .mapping = node.value else {
            fail(node, "`\(key)` must be `name: value` lines, indented under it", hint: "Write each of its fields on its own line below `\(key):`, indented by two spaces.")
            return nil
        }
        return FieldReader(node, in: file, firstLine: firstLine, what: "group `\(key)`")
    }

    /// Warns about every name that was never asked for, suggesting the nearest known one.
    /// A name one edit away from a field of `safety` (name → what its loss would do) is an
    /// error: misspelt, that field would be lost without a word.
    func warnAboutUnknownFields(allowed: [String], context: String, safety: [String: String] = [:]) -> [Diagnostic] {
        var found = diagnostics
        guard entries.contains(where: { !read.contains($0.key) }) else { return found }
        let known = Suggestions(allowed)
        let safe = Suggestions(safety.keys.sorted())
        let knownFields = "Known fields: \(allowed.joined(separator: ", "))."

        for entry in entries where !read.contains(entry.key) {
            let (line, column) = position(of: entry)
            if let field = safe.closest(to: entry.key, within: 1), let loss = safety[field] {
                found.append(file.error(
                    line: line, column: column, "`\(entry.key)` is not a field of \(context): is it `\(field)`, misspelt?",
                    hint: "Write `\(field)`: \(loss)."))
                continue
            }
            let suggestion = known.closest(to: entry.key).map { "Did you mean `\($0)`? " } ?? ""
            found.append(file.warning(
                line: line, column: column, "`\(entry.key)` is not a field of \(context); it is ignored",
                hint: suggestion + knownFields))
        }
        return found
    }
}

/// The closest candidate within two edits, for "did you mean" hints.
func closest(to word: String, in candidates: [String]) -> String? {
    Suggestions(candidates).closest(to: word)
}

/// Candidates for "did you mean" hints, read once for many questions (every unknown name
/// of a mapping, every broken link of a site). The closest within two edits wins, the
/// first of the closest in the candidates' order. Candidates whose length is far off are
/// passed over without a look, and a comparison stops once it is over the limit.
struct Suggestions: Sendable {
    private let candidates: [(text: String, folded: [Unicode.Scalar], bytes: Int)]

    init(_ candidates: [String]) {
        self.candidates = candidates.map { ($0, Array($0.lowercased().unicodeScalars), $0.utf8.count) }
    }

    func closest(to word: String, within edits: Int = 2) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        let bytes = word.utf8.count
        var best: (String, Int)?
        for candidate in candidates where abs(candidate.bytes - bytes) <= 8 {
            let limit = min(edits, (best?.1 ?? edits + 1) - 1)
            guard limit >= 0, let distance = editDistance(target, candidate.folded, limit: limit) else { continue }
            best = (candidate.text, distance)
            if distance == 0 { break }
        }
        return best?.0
    }
}

/// Suggestions made on first use for each list they are asked about, then kept (by any of
/// the threads checking links): making them again for every mistake was quadratic.
final class SuggestionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: Suggestions] = [:]

    /// The suggestions for the list named `key`, made from `candidates` the first time.
    func suggestions(_ key: String, _ candidates: () -> [String]) -> Suggestions {
        lock.withLock {
            if let found = made[key] { return found }
            let suggestions = Suggestions(candidates())
            made[key] = suggestions
            return suggestions
        }
    }
}

/// The number of edits from `a` to `b`, or nil if it is over `limit`. Two rows of the
/// usual table, each worked out only within `limit` of its diagonal (beyond it the count is
/// over the limit anyway), in plain loops: it runs for every candidate of every hint.
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    let (m, n) = (a.count, b.count)
    guard abs(m - n) <= limit else { return nil }
    if m == 0 || n == 0 { return max(m, n) }
    let over = limit + 1
    var previous = [Int](repeating: over, count: n + 1)
    var current = [Int](repeating: over, count: n + 1)
    var j = 0
    while j <= min(n, limit) {
        previous[j] = j
        j += 1
    }
    var i = 1
    while i <= m {
        let low = max(1, i - limit)
        let high = min(n, i + limit)
        current[low - 1] = low == 1 ? i : over
        var smallest = current[low - 1]
        j = low
        while j <= high {
            let replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            let value = min(replace, min(previous[j], current[j - 1]) + 1, over)
            current[j] = value
            if value < smallest { smallest = value }
            j += 1
        }
        if high < n { current[high + 1] = over }
        if smallest > limit { return nil }
        swap(&previous, &current)
        i += 1
    }
    return previous[n] <= limit ? previous[n] : nil
}
