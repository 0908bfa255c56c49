/// One page's reading figures against its target (`ReadingSettings`): what `portal check`
/// lists, what the build's warning says (`ReadingCheck`) and what the preview shows after
/// an edit.
public struct PageReading: Sendable, Equatable {
    public var path: String
    public var title: String
    public var measures: ReadingMeasures
    /// The strictest target of the page's audiences; nil when none of them has one.
    public var target: ReadingTarget?
    /// The audiences whose targets make `target`.
    public var audiences: [Audience]
    /// Every audience the page is for, with a target or not.
    public var readers: [Audience]

    public init(_ page: Page, measures: ReadingMeasures, settings: ReadingSettings) {
        path = page.file.path
        title = page.title
        self.measures = measures
        let target = settings.target(for: page)
        self.target = target?.target
        audiences = target?.audiences ?? []
        readers = ReadingSettings.audiences(of: page)
    }

    /// The figures `portal check` lists: pages for the public (a guidance page by its
    /// `audience`, any other kind by its top folder), and any other page with a target; nil
    /// for the rest. Measured by the build where it had a target, else here.
    public init?(_ resolved: ResolvedPage, settings: ReadingSettings) {
        let page = resolved.page
        guard Self.isForThePublic(page) || settings.target(for: page) != nil else { return nil }
        let measures = resolved.body.reading ?? ReadingMeasures.measure(markdown: page.body, firstLine: page.bodyFirstLine)
        self.init(page, measures: measures, settings: settings)
    }

    static func isForThePublic(_ page: Page) -> Bool {
        ReadingSettings.audiences(of: page).contains { $0 != .professionals }
    }

    public var isOverTarget: Bool { target.map { !$0.isMet(by: measures) } ?? false }

    // MARK: Words

    /// "grade 9.3 (target: 8 or lower), 2 of 11 sentences over 25 words, 18% (target: no
    /// more than 10%)": the figures a target is set on, each with its limit.
    public var figuresAgainstTarget: String {
        let m = measures
        var grade = "grade \(Self.format(m.grade))"
        if let limit = target?.grade { grade += " (target: \(ReadingTarget.number(limit)) or lower)" }
        var long = "\(m.longSentences) of \(m.sentences) sentence\(m.sentences == 1 ? "" : "s") over "
            + "\(ReadingMeasures.longSentence) words, \(Self.percent(m.shareOfLongSentences))"
        if let limit = target?.longSentencesPercent { long += " (target: no more than \(limit)%)" }
        return grade + ", " + long
    }

    /// The other figures: "reading ease 69.2, 13.1 words a sentence, 12% long words".
    public var otherFigures: String {
        let m = measures
        return "reading ease \(Self.format(m.readingEase)), \(Self.format(m.wordsPerSentence)) words a sentence, "
            + "\(Self.percent(m.shareOfLongWords)) long words"
    }

    /// One line for the preview: the figures and how they stand against the target.
    public var summary: String {
        guard measures.sentences > 0 else { return "no sentences to measure (only headings, lists, tables or code)" }
        guard target != nil else {
            return "\(figuresAgainstTarget); no reading target" + (readers.isEmpty ? "" : " for \(Self.audienceNames(readers))")
        }
        let verdict = isOverTarget ? "OVER the target" : "within the target"
        return "\(figuresAgainstTarget): \(verdict) for \(Self.audienceNames(audiences))"
    }
}

extension PageReading {
    /// The section of `portal check`'s report: pages over their target first, each with its
    /// three longest sentences at file:line; then the others' figures, a line each.
    static func section(_ pages: [PageReading]) -> String {
        let over = pages.filter(\.isOverTarget)
        let others = pages.filter { !$0.isOverTarget }
        var out = "\nReading: pages harder to read than their target (\(over.count))\n"
        if over.isEmpty { out += "  None: every page with a reading target meets it.\n" }
        for page in over {
            out += "  \(page.path)  \(page.figuresAgainstTarget); \(page.otherFigures)\n"
            for sentence in page.measures.longest {
                out += "    \(page.path):\(sentence.line)  \(sentence.words) words: “\(Self.shortened(sentence.text))”\n"
            }
        }
        out += "\nReading figures of the other pages for the public (\(others.count): within their target, or with none)\n"
        if others.isEmpty { out += "  None.\n" }
        for page in others {
            guard page.measures.sentences > 0 else {
                out += "  \(page.path)  no sentences to measure (only headings, lists, tables or code)\n"
                continue
            }
            out += "  \(page.path)  \(page.figuresAgainstTarget); \(page.otherFigures)\(page.target == nil ? "; no target" : "")\n"
        }
        if !pages.isEmpty {
            out += "  (grade: the Flesch–Kincaid school grade, lower is easier; reading ease: Flesch's score, higher is easier, "
                + "60 or more is plain English; to lower the grade, make long sentences shorter and use everyday words)\n"
        }
        return out
    }

    /// "parents and carers", "parents and carers and young people".
    static func audienceNames(_ audiences: [Audience]) -> String {
        listed(audiences.map { $0.title.prefix(1).lowercased() + $0.title.dropFirst() })
    }

    /// "a", "a and b", "a, b and c".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// One decimal place, rounded half away from zero; never "-0.0".
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(abs(tenths)) / 10, tenth = Int(abs(tenths)) % 10
        return "\(tenths < 0 ? "-" : "")\(whole).\(tenth)"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// At most `limit` characters, cut after a whole word, with "…" when cut.
    static func shortened(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit - 1)
        var cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        while let last = cut.last, ",;:–—-".contains(last) { cut = cut.dropLast() }
        return cut + "…"
    }
}
