/// Reads `data/glossary.yaml`: a list of entries, each a `term` with a plain `definition`,
/// for an abbreviation its `full_form`, and optionally `also` (other ways it is written)
/// and `see_also` (related terms). Every mistake is a located error: a term written twice,
/// an empty definition, a definition using an abbreviation it does not explain.
enum GlossaryParser {
    static let fileName = "glossary.yaml"
    static let fields = ["term", "full_form", "definition", "also", "see_also"]

    static func parse(_ file: SourceFile, reservedIDs: Set<String> = []) -> (Glossary?, [Diagnostic]) {
        let node: YAMLNode
        switch YAMLReader.parse(file.text, in: file, firstLine: 1) {
        case .success(let parsed?): node = parsed
        case .success(nil): return (Glossary(entries: []), [])  // an empty file: no entries yet
        case .failure(let problem): return (nil, [problem])
        }
        guard let items = node.sequence else {
            return (nil, [file.error(
                line: max(1, node.line), column: 1, "glossary.yaml must be a list of entries, each starting `- term:`",
                hint: "See the example in docs/CONTENT-FORMAT.md, “The glossary”.")])
        }
        var problems: [Diagnostic] = []
        var entries: [Glossary.Entry] = []
        // Entries' anchors are clear of the page's own: the layout's and the letters'.
        var ids = UniqueIDs(taken: reservedIDs.union(GlossaryPage.letterIDs))
        // Every form written so far, as matched (`GlossaryForm`) → the entry's term and line.
        var seen: [String: (term: String, line: Int)] = [:]
        var seeAlso: [(entry: Int, values: [(value: String, line: Int, column: Int)])] = []
        // Each entry's lines, from its definition to the next entry, where its words are found.
        var definitionLines: [ClosedRange<Int>] = []
        for (number, item) in items.enumerated() {
            let fields = FieldReader(item, in: file, firstLine: 1, what: "entry")
            let term = fields.string("term", required: true)
            let fullForm = fields.string("full_form")
            let definition = fields.string("definition", required: true)
            let also = fields.locatedStrings("also")
            let related = fields.locatedStrings("see_also")
            problems += fields.warnAboutUnknownFields(allowed: Self.fields, context: "a glossary entry")
            guard let term, let definition else { continue }

            // Each way of writing the entry must be plain words and must be its alone.
            var forms: [(text: String, line: Int, column: Int, field: String)] = []
            for (field, text) in [("term", term), ("full_form", fullForm)] {
                guard let text, let (line, column) = fields.located(field) else { continue }
                forms.append((text, line, column, field))
            }
            forms += also.map { ($0.value, $0.line, $0.column, "also") }
            var formsAreFine = true
            for form in forms {
                if let problem = Self.problem(with: form.text) {
                    problems.append(file.error(line: form.line, column: form.column, "`\(form.field)`: \(problem)", hint: Self.formHint))
                    formsAreFine = false
                    continue
                }
                let key = Self.key(form.text)
                if let first = seen[key] {
                    let what = first.term == term ? "already written for this term" : "already in the glossary, for “\(first.term)”"
                    problems.append(file.error(
                        line: form.line, column: form.column, "“\(form.text)” is \(what) (line \(first.line))",
                        hint: first.term == term
                            ? "Write each form of a term once."
                            : "Keep one entry for it: a term and its abbreviation belong in one entry, the abbreviation as `term` and the words in `full_form`."))
                    formsAreFine = false
                } else {
                    seen[key] = (term, form.line)
                }
            }
            guard formsAreFine else { continue }
            let (line, column) = fields.located("term") ?? fields.start
            let written = slug(term)
            entries.append(Glossary.Entry(
                term: term, fullForm: fullForm, definition: definition, also: also.map(\.value), seeAlso: related.map(\.value),
                id: ids.claim(written.isEmpty ? "term" : written),
                location: SourceLocation(path: file.path, line: line, column: column)))
            if !related.isEmpty { seeAlso.append((entries.count - 1, related)) }
            let first = fields.located("definition")?.line ?? line
            let last = number + 1 < items.count ? items[number + 1].line - 1 : Int.max
            definitionLines.append(first...max(first, last))
        }
        let glossary = Glossary(entries: entries)
        problems += checkSeeAlso(seeAlso, glossary: glossary, file: file)
        problems += unexplainedAbbreviations(in: glossary, lines: definitionLines, file: file)
        return (problems.hasErrors ? nil : glossary, problems)
    }

    static let formHint = "Write a term as plain words, starting with a letter or a figure, like `early help` or `MASH`, on one line."

    /// What is wrong with a way of writing a term, if anything.
    static func problem(with text: String) -> String? {
        guard let first = text.unicodeScalars.first, first.isLetterOrFigure else {
            return "a term must start with a letter or a figure, not “\(text.prefix(1))”"
        }
        if text.unicodeScalars.contains(where: { $0 == "\n" || $0.properties.generalCategory == .control }) {
            return "a term must be on one line"
        }
        if text.count > 100 { return "a term must be at most 100 characters long" }
        return nil
    }

    /// A form in small letters, its spaces as one: two forms with the same key would match
    /// the same words (or differ only in their capitals, which is as confusing).
    static func key(_ text: String) -> String {
        let form = GlossaryForm(entry: 0, kind: .term, text: text, matchesCase: false)
        return String(String.UnicodeScalarView(form.scalars.split { GlossaryText.isSpace($0) }.joined(separator: [" "])))
    }

    /// `see_also` must name terms of the glossary.
    static func checkSeeAlso(
        _ lists: [(entry: Int, values: [(value: String, line: Int, column: Int)])], glossary: Glossary, file: SourceFile
    ) -> [Diagnostic] {
        guard !lists.isEmpty else { return [] }
        let suggestions = Suggestions(glossary.entries.map(\.term))
        var problems: [Diagnostic] = []
        for (entry, values) in lists {
            for value in values {
                guard let term = glossary.entry(term: value.value)?.term else {
                    let suggestion = suggestions.closest(to: value.value).map { "Did you mean “\($0)”? " } ?? ""
                    problems.append(file.error(
                        line: value.line, column: value.column, "“\(value.value)” in `see_also` is not a term of the glossary",
                        hint: suggestion + "Write the `term` of another entry, as it is written there."))
                    continue
                }
                if term == glossary.entries[entry].term {
                    problems.append(file.error(
                        line: value.line, column: value.column, "an entry cannot be its own `see_also`",
                        hint: "Name other entries, related to this one."))
                }
            }
        }
        return problems
    }

    /// A definition is read on its own, so any abbreviation in it must be written out in
    /// full before it, in that definition: another entry's, or a word in capitals the
    /// glossary does not have.
    static func unexplainedAbbreviations(in glossary: Glossary, lines: [ClosedRange<Int>], file: SourceFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, entry) in glossary.entries.enumerated() {
            let text = Array(entry.definition.unicodeScalars)
            var explained: Set<Int> = [index]
            var reported: Set<String> = []
            var covered: [Range<Int>] = []
            glossary.matcher.matches(in: text) { form, range in
                covered.append(range)
                if form.kind == .fullForm { explained.insert(form.entry) }
                guard form.kind == .term, let full = glossary.entries[form.entry].fullForm, !explained.contains(form.entry),
                      reported.insert(form.text).inserted else { return }
                problems.append(Self.unexplained(
                    form.text, in: entry, lines: lines[index], file: file, search: problems.count < Diagnostic.shownPerFile, hint: "Write it out the first time: “\(full) (\(form.text))”."))
            }
            // Words in capitals the glossary does not know.
            var covering = covered.makeIterator()
            var next = covering.next()
            for word in Self.capitalWords(text) {
                while let range = next, range.upperBound <= word.lowerBound { next = covering.next() }
                if let range = next, range.overlaps(word) { continue }
                let written = String(String.UnicodeScalarView(text[word]))
                guard written != entry.term, reported.insert(written).inserted else { continue }
                problems.append(Self.unexplained(
                    written, in: entry, lines: lines[index], file: file, search: problems.count < Diagnostic.shownPerFile,
                    hint: "Write out what it stands for, or add it to the glossary with its `full_form` and write that here first."))
            }
        }
        return problems
    }

    static func unexplained(
        _ abbreviation: String, in entry: Glossary.Entry, lines: ClosedRange<Int>, file: SourceFile, search: Bool, hint: String
    ) -> Diagnostic {
        // Found in the file for the problems a report shows; the rest at their definition.
        let at = (search ? SourceSearch.locate(abbreviation, in: file, lines: lines) : nil) ?? (lines.lowerBound, 1)
        return file.error(
            line: at.line, column: at.column,
            "the definition of “\(entry.term)” uses “\(abbreviation)” without saying what it stands for", hint: hint)
    }

    /// Words of two or more capital letters (figures may be among them: "WT2023"), whole.
    static func capitalWords(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = 0
        while i < text.count {
            guard GlossaryText.joinsWord(text[i]) else { i += 1; continue }
            let start = i
            var capitals = 0
            var lower = false
            while i < text.count, GlossaryText.joinsWord(text[i]) {
                if text[i].properties.isUppercase { capitals += 1 } else if text[i].properties.isLowercase { lower = true }
                i += 1
            }
            if capitals >= 2, !lower { words.append(start..<i) }
        }
        return words
    }
}
