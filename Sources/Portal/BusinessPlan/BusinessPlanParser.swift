import Foundation

/// Reads one `business-plan-YYYY-YY.yaml` file into a checked `BusinessPlan`. Every problem
/// is located at the value (or the entry) it is about.
struct BusinessPlanParser {
    private var diagnostics: [Diagnostic] = []
    /// The line where each theme number and reference was first written, by kind, to
    /// report one written twice.
    private var seen: [String: [String: Int]] = [:]

    /// The plan (nil if it has errors) and its problems. `name` is the file's name in data/.
    static func parse(_ file: SourceFile, name: String) -> (BusinessPlan?, [Diagnostic]) {
        var parser = BusinessPlanParser()
        let plan = parser.read(file, name: name)
        return (parser.diagnostics.hasErrors ? nil : plan, parser.diagnostics)
    }

    private mutating func read(_ file: SourceFile, name: String) -> BusinessPlan? {
        let node: YAMLNode?
        switch YAMLReader.parse(file.text, in: file, firstLine: 1) {
        case .success(let parsed): node = parsed
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        }
        let fields = FieldReader(node, in: file, firstLine: 1, what: "business plan")
        let title = text(fields, "title", required: true)
        let year = fields.period("year", required: true, kind: "a plan year", example: "2013-14")
        if let year {
            let named = String(name.dropFirst("business-plan-".count).dropLast(".yaml".count))
            if year != named {
                fields.failField(
                    "year", "`year` is \(year), but the file is named \(name)",
                    hint: "Name the file business-plan-\(year).yaml, or correct the year.")
            }
        }
        let board = text(fields, "board", required: true)
        let summary = text(fields, "summary", required: true)
        let source = text(fields, "source", required: true)
        let progressNote = text(fields, "progress_note")
        let themes = entries(fields, "themes", "strategic theme", first: "number") { parser, entry in parser.readTheme(entry) }
        diagnostics += fields.warnAboutUnknownFields(allowed: fields.asked, context: "a business plan")
        guard let title, let year, let board, let summary, let source else { return nil }
        return BusinessPlan(
            title: title, year: year, board: board, summary: summary, source: source, progressNote: progressNote, themes: themes)
    }

    private mutating func readTheme(_ fields: FieldReader) -> BusinessPlan.Theme? {
        let number = fields.int("number", required: true)
        let title = text(fields, "title", required: true)
        var isNumbered = number != nil
        if let number, let line = fields.located("number")?.line {
            if let first = seen["theme", default: [:]][String(number)] {
                fields.failField(
                    "number", "strategic theme \(number) is already on line \(first)",
                    hint: "Give each theme its own number, or put these priorities under the first one.")
                isNumbered = false
            } else {
                seen["theme", default: [:]][String(number)] = line
            }
        }
        let priorities = entries(fields, "priorities", "priority", first: "ref") { parser, entry in
            parser.readPriority(entry, theme: isNumbered ? number : nil)
        }
        diagnostics += fields.warnAboutUnknownFields(allowed: fields.asked, context: "a strategic theme")
        guard let number, let title else { return nil }
        return .init(number: number, title: title, priorities: priorities)
    }

    private mutating func readPriority(_ fields: FieldReader, theme: Int?) -> BusinessPlan.Priority? {
        let (ref, isNumbered) = reference(fields, under: theme.map(String.init), of: "strategic theme", kind: "priority")
        let title = text(fields, "title", required: true)
        // A priority numbered wrongly would make every one of its actions wrong too: say it once.
        let actions = entries(fields, "actions", "action", first: "ref") { parser, entry in
            parser.readAction(entry, priority: isNumbered ? ref : nil)
        }
        diagnostics += fields.warnAboutUnknownFields(allowed: fields.asked, context: "a priority")
        guard let ref, let title else { return nil }
        return .init(ref: ref, title: title, actions: actions)
    }

    private mutating func readAction(_ fields: FieldReader, priority: String?) -> BusinessPlan.Action? {
        let ref = reference(fields, under: priority, of: "priority", kind: "action").ref
        let action = text(fields, "action", required: true)
        let lead = text(fields, "lead", required: true)
        let how = text(fields, "how", required: true)
        let due = text(fields, "due")
        let status = fields.choice("status", as: BusinessPlan.Status.self)
        let outcome = text(fields, "outcome")
        diagnostics += fields.warnAboutUnknownFields(allowed: fields.asked, context: "an action")
        guard let ref, let action, let lead, let how else { return nil }
        return .init(ref: ref, action: action, lead: lead, how: how, due: due, status: status, outcome: outcome)
    }

    // MARK: Fields

    /// The entries of a list that must have at least one; `first` is the field an entry
    /// starts with, for the hint.
    private mutating func entries<Entry>(
        _ fields: FieldReader, _ key: String, _ kind: String, first: String,
        _ read: (inout BusinessPlanParser, FieldReader) -> Entry?
    ) -> [Entry] {
        let before = fields.diagnostics.count
        let list = fields.list(key, required: true)
        if list.isEmpty, fields.has(key), fields.diagnostics.count == before {
            fields.failField(key, "`\(key)` needs at least one \(kind)", hint: "Add one under `\(key):`, starting `- \(first):`.")
        }
        var found: [Entry] = []
        for entry in list {
            if let read = read(&self, entry) { found.append(read) }
        }
        return found
    }

    /// `ref`, which must start with its parent's reference and a full stop, and be used once
    /// in the plan; and whether it starts as it should.
    private mutating func reference(
        _ fields: FieldReader, under parent: String?, of parentKind: String, kind: String
    ) -> (ref: String?, isNumbered: Bool) {
        guard let ref = text(fields, "ref", required: true) else { return (nil, false) }
        if let parent, !(ref.hasPrefix(parent + ".") && ref.count > parent.count + 1) {
            fields.failField(
                "ref", "the reference \(ref) must start with “\(parent).”, as it is under \(parentKind) \(parent)",
                hint: "Number the \(kind == "priority" ? "priorities" : "actions") of \(parentKind) \(parent) as \(parent).1, \(parent).2 and so on, or move this \(kind) under its \(parentKind).")
            return (ref, false)
        } else if let first = seen[kind, default: [:]][ref] {
            fields.failField(
                "ref", "the reference \(ref) is already used by the \(kind) on line \(first)",
                hint: "Give each \(kind) its own reference.")
        } else {
            seen[kind, default: [:]][ref] = fields.located("ref")?.line ?? 0
        }
        return (ref, true)
    }

    /// A field shown as it is written: plain text, so Markdown and HTML are mistakes.
    private func text(_ fields: FieldReader, _ key: String, required: Bool = false) -> String? {
        guard let value = fields.string(key, required: required) else { return nil }
        if let markup = Self.markup(in: value) {
            fields.failField(
                key, "`\(key)` is shown as plain text, so it cannot hold Markdown or HTML (“\(markup)”)",
                hint: "Write the words only: they appear exactly as written, without links or emphasis.")
        }
        return value
    }

    /// The first piece of Markdown or HTML in `text`, if any.
    static func markup(in text: String) -> String? {
        for marker in ["**", "__", "`", "]("] where text.contains(marker) { return marker }
        let patterns = [#"<[A-Za-z/!][^>]*>?"#, #"&#?[A-Za-z0-9]+;"#]
        for pattern in patterns {
            if let range = text.range(of: pattern, options: .regularExpression) {
                return String(text[range].prefix(20)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return nil
    }
}
