/// One page's reading figures for `portal check`: pages written for parents and carers,
/// young people and communities. Figures only: no targets and no warnings.
public struct PageReading: Sendable, Equatable {
    public var path: String
    public var title: String
    public var measures: ReadingMeasures

    /// The figures of a page for the public, nil for any other: a guidance page by its
    /// `audience` (any but professionals), any other kind by its top folder.
    public init?(_ page: Page) {
        guard Self.isForThePublic(page) else { return nil }
        path = page.file.path
        title = page.title
        measures = ReadingMeasures.measure(markdown: page.body, firstLine: page.bodyFirstLine)
    }

    static func isForThePublic(_ page: Page) -> Bool {
        if case .guidance(let audiences) = page.details { return audiences.contains { $0 != .professionals } }
        let folder = String(page.file.relativePath.prefix { $0 != "/" })
        return Audience(rawValue: folder).map { $0 != .professionals } ?? false
    }

    /// The section of `portal check`'s report: each page's figures, then its longest
    /// sentences at file:line, shortened.
    static func section(_ pages: [PageReading]) -> String {
        var out = "\nReading figures for pages for parents and carers, young people and communities (\(pages.count))\n"
        if pages.isEmpty { return out + "  None.\n" }
        out += "  (grade: Flesch–Kincaid school grade, lower is easier; reading ease: Flesch, higher is easier, 60 or more is plain English)\n"
        for page in pages {
            let m = page.measures
            guard m.sentences > 0 else {
                out += "  \(page.path)  no sentences to measure (only headings, lists, tables or code)\n"
                continue
            }
            out += "  \(page.path)  grade \(Self.format(m.grade)), reading ease \(Self.format(m.readingEase)), "
                + "\(Self.format(m.wordsPerSentence)) words a sentence, \(Self.percent(m.shareOfLongSentences)) of "
                + "\(m.sentences) sentence\(m.sentences == 1 ? "" : "s") over \(ReadingMeasures.longSentence) words, "
                + "\(Self.percent(m.shareOfLongWords)) long words\n"
            for sentence in m.longest {
                out += "    \(page.path):\(sentence.line)  \(sentence.words) words: “\(Self.shortened(sentence.text))”\n"
            }
        }
        return out
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
