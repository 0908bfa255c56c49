/// `/glossary/`: every entry of the glossary A to Z, under its letter, with a row of
/// letters to jump between them (GOV.UK's A to Z pattern: letters with no entries are
/// shown, not linked).
public struct GlossaryPage: PageGenerator {
    public let glossary: Glossary

    public init(glossary: Glossary) {
        self.glossary = glossary
    }

    public var links: [LinkToCheck] { [] }

    struct GlossaryView: TemplateView {
        var title: String
        var summary: String
        var letters: [LetterView]
        var sections: [SectionView]
    }

    struct LetterView: TemplateView {
        var letter: String
        /// The section's anchor; nil for a letter with no entries.
        var id: String?
    }

    struct SectionView: TemplateView {
        var letter: String
        var id: String
        var entries: [EntryView]
    }

    struct EntryView: TemplateView {
        var id: String
        var term: String
        var fullForm: String?
        var definition: String
        var seeAlso: [ListItemView]
    }

    static let summary = "What the words and abbreviations on this website mean, in plain English."
    /// Terms starting with a figure or a letter outside A to Z come under this heading.
    static let otherHeading = "0–9"

    static func letterID(_ letter: String) -> String { "letter-\(letter == otherHeading ? "0-9" : letter.lowercased())" }
    static let alphabet = (65...90).map { String(UnicodeScalar($0)!) }
    static let letterIDs = Set(([otherHeading] + alphabet).map(letterID))

    /// The letter an entry is listed under: its first letter without accents, in capitals.
    static func letter(of term: String) -> String {
        let first = String(term.prefix(1)).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased()
        return ("A"..."Z").contains(first) && first.count == 1 ? first : otherHeading
    }

    public func pages(in site: Site) -> [GeneratedPage] {
        guard !glossary.entries.isEmpty else { return [] }
        let sorted = glossary.entries.sorted {
            ($0.term.lowercased(), $0.term) < ($1.term.lowercased(), $1.term)
        }
        var sections: [SectionView] = []
        for entry in sorted {
            let letter = Self.letter(of: entry.term)
            let view = EntryView(
                id: entry.id, term: entry.term, fullForm: entry.fullForm, definition: entry.definition,
                seeAlso: entry.seeAlso.compactMap { term in
                    glossary.entry(term: term).map {
                        ListItemView(title: $0.term, url: Glossary.url(of: $0), summary: nil, date: nil, label: nil)
                    }
                })
            if sections.last?.letter == letter {
                sections[sections.count - 1].entries.append(view)
            } else {
                sections.append(SectionView(letter: letter, id: Self.letterID(letter), entries: [view]))
            }
        }
        // Figures first, as in an index.
        sections.sort { ($0.letter == Self.otherHeading ? "" : $0.letter) < ($1.letter == Self.otherHeading ? "" : $1.letter) }
        let ids = Dictionary(uniqueKeysWithValues: sections.map { ($0.letter, $0.id) })
        let hasOther = ids[Self.otherHeading] != nil
        let letters = (hasOther ? [Self.otherHeading] : []) + Self.alphabet
        let view = GlossaryView(
            title: "Glossary", summary: Self.summary, letters: letters.map { LetterView(letter: $0, id: ids[$0]) },
            sections: sections)
        return [GeneratedPage(url: Glossary.url, title: "Glossary", summary: Self.summary, template: "glossary", view: view)]
    }

    public func files(in site: Site) -> [OutputFile] { [] }
}
