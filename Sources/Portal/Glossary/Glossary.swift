/// The site's glossary (`data/glossary.yaml`): terms and abbreviations explained in plain
/// words, shown A to Z at `/glossary/`, and linked from their first use on every page.
public struct Glossary: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var term: String
        /// What an abbreviation stands for; nil for a term that is not one.
        public var fullForm: String?
        public var definition: String
        /// Other ways the term is written that link to it too (plurals, older names).
        public var also: [String]
        /// Terms of related entries, as written in their `term`.
        public var seeAlso: [String]
        /// The entry's anchor on the glossary page.
        public var id: String
        public var location: SourceLocation

        public var isAbbreviation: Bool { fullForm != nil }
    }

    public static let url = "/glossary/"

    public var entries: [Entry]
    /// Every way of writing each entry, found in text in one pass (`GlossaryMatcher`).
    let matcher: GlossaryMatcher
    /// Entries by their term as matched (`GlossaryParser.key`), for `see_also`.
    private let byTerm: [String: Int]

    public init(entries: [Entry]) {
        self.entries = entries
        matcher = GlossaryMatcher(entries)
        byTerm = Dictionary(entries.indices.map { (GlossaryParser.key(entries[$0].term), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The entry whose term is `term`, whatever its capitals and spaces.
    func entry(term: String) -> Entry? { byTerm[GlossaryParser.key(term)].map { entries[$0] } }

    public static func == (a: Glossary, b: Glossary) -> Bool { a.entries == b.entries }

    public static func url(of entry: Entry) -> String { "\(url)#\(entry.id)" }
}

/// One way of writing an entry: its term, its full form or one of its other forms.
struct GlossaryForm: Sendable {
    enum Kind: Sendable { case term, fullForm, also }

    var entry: Int
    var kind: Kind
    var text: String
    /// The form's characters as matched: lower-cased unless it matches case.
    var scalars: [Unicode.Scalar]
    /// A form with a capital letter after its first character (MASH, CiC, Working
    /// Together) matches only as written; others match whatever their case ("Early help").
    var matchesCase: Bool

    /// `matchesCase` nil: as the form's capitals say.
    init(entry: Int, kind: Kind, text: String, matchesCase: Bool? = nil) {
        self.entry = entry
        self.kind = kind
        self.text = text
        let exact = matchesCase ?? Self.hasCapitalsInside(text)
        self.matchesCase = exact
        // Any run of spaces is one space: it stands for any run of spaces in the text.
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars where !(GlossaryText.isSpace(scalar) && scalars.last == " ") {
            scalars.append(GlossaryText.isSpace(scalar) ? " " : GlossaryText.normalised(scalar, lowerCase: !exact))
        }
        self.scalars = scalars
    }

    static func hasCapitalsInside(_ text: String) -> Bool {
        text.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
    }

    /// Where the form ends if it is written at `start` of `text` as whole words: a space in
    /// the form stands for any run of spaces and line breaks.
    func match(_ text: [Unicode.Scalar], at start: Int) -> Int? {
        var i = start
        for expected in scalars {
            if expected == " " {
                guard i < text.count, GlossaryText.isSpace(text[i]) else { return nil }
                while i < text.count, GlossaryText.isSpace(text[i]) { i += 1 }
                continue
            }
            guard i < text.count, GlossaryText.normalised(text[i], lowerCase: !matchesCase) == expected else { return nil }
            i += 1
        }
        return i == text.count || !GlossaryText.joinsWord(text[i]) ? i : nil
    }
}

/// Finds glossary forms in text: from each word start, one walk down a tree of the forms'
/// characters (lower-cased) finds every form written there, so the work at a word is at
/// most the longest form's length, however many forms share their first words. The
/// longest form found wins; forms that match case are checked as written.
struct GlossaryMatcher: Sendable {
    let forms: [GlossaryForm]
    /// The tree: each node's next characters (a space stands for any run of spaces) …
    private var next: [[Unicode.Scalar: Int]] = [[:]]
    /// … and the forms that end at it.
    private var ending: [[Int]] = [[]]

    init(_ entries: [Glossary.Entry]) {
        var forms: [GlossaryForm] = []
        for (index, entry) in entries.enumerated() {
            forms.append(GlossaryForm(entry: index, kind: .term, text: entry.term))
            if let full = entry.fullForm { forms.append(GlossaryForm(entry: index, kind: .fullForm, text: full)) }
            forms += entry.also.map { GlossaryForm(entry: index, kind: .also, text: $0) }
        }
        self.forms = forms
        for (number, form) in forms.enumerated() {
            var node = 0
            for scalar in form.scalars {
                let key = GlossaryText.normalised(scalar, lowerCase: true)
                if let child = next[node][key] {
                    node = child
                } else {
                    next.append([:])
                    ending.append([])
                    next[node][key] = next.count - 1
                    node = next.count - 1
                }
            }
            ending[node].append(number)
        }
    }

    /// Each form found in `text`, in order, none overlapping.
    func matches(in text: [Unicode.Scalar], _ found: (_ form: GlossaryForm, _ range: Range<Int>) -> Void) {
        guard !forms.isEmpty else { return }
        var i = 0
        while i < text.count {
            guard text[i].isLetterOrFigure, i == 0 || !GlossaryText.joinsWord(text[i - 1]) else {
                i += 1
                continue
            }
            if let (form, end) = longest(in: text, at: i) {
                found(form, i..<end)
                i = end
                continue
            }
            while i < text.count, GlossaryText.joinsWord(text[i]) { i += 1 }
        }
    }

    /// The longest form written at `start` as whole words, and where it ends.
    private func longest(in text: [Unicode.Scalar], at start: Int) -> (GlossaryForm, Int)? {
        var best: (GlossaryForm, Int)?
        var node = 0
        var j = start
        while j < text.count {
            if GlossaryText.isSpace(text[j]) {
                guard let child = next[node][" "] else { break }
                node = child
                while j < text.count, GlossaryText.isSpace(text[j]) { j += 1 }
                continue
            }
            guard let child = next[node][GlossaryText.normalised(text[j], lowerCase: true)] else { break }
            node = child
            j += 1
            guard !ending[node].isEmpty, j == text.count || !GlossaryText.joinsWord(text[j]) else { continue }
            // Forms that match case, checked as written (few end at one node).
            if let form = ending[node].lazy.map({ forms[$0] }).first(where: { !$0.matchesCase || $0.match(text, at: start) == j }) {
                best = (form, j)
            }
        }
        return best
    }
}

/// How glossary matching reads characters.
enum GlossaryText {
    /// What continues a word, so a form does not match inside one: letters, figures and
    /// hyphens ("non-CSE" is not CSE). An apostrophe ends it: "MASH's" is MASH.
    static func joinsWord(_ s: Unicode.Scalar) -> Bool { s == "-" || s.isLetterOrFigure }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{A0}"
    }

    /// A character as compared: curly apostrophes as straight ones (cmark makes them
    /// curly), lower-cased when asked.
    static func normalised(_ s: Unicode.Scalar, lowerCase: Bool) -> Unicode.Scalar {
        if s == "\u{2019}" { return "'" }
        guard lowerCase else { return s }
        if s.isASCII { return ("A"..."Z").contains(s) ? Unicode.Scalar(s.value + 32)! : s }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : s
    }
}
