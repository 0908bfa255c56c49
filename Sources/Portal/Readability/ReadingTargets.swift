/// How easy a page must be to read: the highest Flesch–Kincaid grade and the largest share
/// of long sentences (over `ReadingMeasures.longSentence` words). Either may be absent: no
/// limit on it.
public struct ReadingTarget: Sendable, Equatable {
    /// The highest grade, compared with the grade as shown, to one decimal place.
    public var grade: Double?
    /// The largest share of long sentences, as a whole percentage (10: 1 sentence in 10).
    public var longSentencesPercent: Int?

    public init(grade: Double? = nil, longSentencesPercent: Int? = nil) {
        self.grade = grade
        self.longSentencesPercent = longSentencesPercent
    }

    public static let none = ReadingTarget()
    static let fields = ["grade", "long_sentences"]

    public var isNone: Bool { grade == nil && longSentencesPercent == nil }

    /// Both limits at once, each the lower of the two: a page for several audiences must
    /// suit the one that needs the plainest text.
    func stricter(_ other: ReadingTarget) -> ReadingTarget {
        func lower<T: Comparable>(_ a: T?, _ b: T?) -> T? { a.map { a in b.map { min(a, $0) } ?? a } ?? b }
        return ReadingTarget(grade: lower(grade, other.grade), longSentencesPercent: lower(longSentencesPercent, other.longSentencesPercent))
    }

    /// Whether the grade is over the limit, as the grade is shown (9.04 is shown 9.0: not over 9).
    public func gradeIsOver(_ measures: ReadingMeasures) -> Bool {
        guard let grade, measures.sentences > 0 else { return false }
        return (measures.grade * 10).rounded() > (grade * 10).rounded()
    }

    /// Whether too many sentences are long, counted exactly (no rounding of the share).
    public func longSentencesAreOver(_ measures: ReadingMeasures) -> Bool {
        guard let percent = longSentencesPercent, measures.sentences > 0 else { return false }
        return measures.longSentences * 100 > percent * measures.sentences
    }

    public func isMet(by measures: ReadingMeasures) -> Bool {
        !gradeIsOver(measures) && !longSentencesAreOver(measures)
    }

    /// "grade 8 or lower, no more than 10% of sentences over 25 words".
    public var description: String {
        var parts: [String] = []
        if let grade { parts.append("grade \(Self.number(grade)) or lower") }
        if let percent = longSentencesPercent {
            parts.append("no more than \(percent)% of sentences over \(ReadingMeasures.longSentence) words")
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    /// 8 as "8", 8.5 as "8.5".
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : PageReading.format(value)
    }
}

/// `site.yaml`'s `reading:` group: a target for each audience, and whether a page over its
/// target is a warning or stops the build. Defaults from issue 18, for a board that writes
/// nothing: parents and carers and communities grade 8, young people grade 7, each with no
/// more than 1 sentence in 10 over 25 words; professionals none.
public struct ReadingSettings: Sendable, Equatable {
    public enum OverTarget: String, CaseIterable, Sendable {
        case warning, error
    }

    public var targets: [Audience: ReadingTarget]
    public var overTarget: OverTarget

    public static let defaults = ReadingSettings(
        targets: [
            .parentsCarers: ReadingTarget(grade: 8, longSentencesPercent: 10),
            .communities: ReadingTarget(grade: 8, longSentencesPercent: 10),
            .youngPeople: ReadingTarget(grade: 7, longSentencesPercent: 10),
            .professionals: .none,
        ],
        overTarget: .warning)

    static let fields = Audience.allCases.map(\.rawValue) + ["over_target"]
    /// What turns an audience's target off.
    static let noTarget = "none"

    /// The audiences a page is written for: a guidance page's `audience`, any other page's
    /// top folder when it is named after one (`parents-carers/…`); none for the rest.
    public static func audiences(of page: Page) -> [Audience] {
        if case .guidance(let audiences) = page.details { return audiences }
        let folder = String(page.file.relativePath.prefix { $0 != "/" })
        return Audience(rawValue: folder).map { [$0] } ?? []
    }

    /// The page's target and the audiences it is for, or nil when none of them has one.
    public func target(for page: Page) -> (target: ReadingTarget, audiences: [Audience])? {
        let audiences = Self.audiences(of: page).filter { !(targets[$0] ?? .none).isNone }
        guard let first = audiences.first else { return nil }
        let target = audiences.dropFirst().reduce(targets[first]!) { $0.stricter(targets[$1]!) }
        return (target, audiences)
    }

    /// Reads the `reading:` group; each audience not named keeps its default, as does each
    /// limit not given in an audience's group.
    static func read(_ fields: FieldReader?) -> (ReadingSettings, [Diagnostic]) {
        var settings = defaults
        guard let fields else { return (settings, []) }
        var problems: [Diagnostic] = []
        for audience in Audience.allCases {
            let key = audience.rawValue
            guard fields.has(key) else { continue }
            if fields.isText(key) {
                let word = fields.string(key)
                if word?.lowercased() == noTarget {
                    settings.targets[audience] = ReadingTarget.none
                } else {
                    fields.failField(
                        key, "`\(key)` must be `none` or a group with `grade` and `long_sentences`, not “\(word ?? "")”",
                        hint: "Write `\(key): none` for no target, or, indented below `\(key):`, lines such as `grade: 8` and `long_sentences: 10%`.")
                }
                continue
            }
            guard let group = fields.group(key) else { continue }
            var target = settings.targets[audience] ?? .none
            if group.has("grade") { target.grade = grade(group) }
            if group.has("long_sentences") { target.longSentencesPercent = percent(group) }
            settings.targets[audience] = target
            problems += group.warnAboutUnknownFields(allowed: ReadingTarget.fields, context: "a target under `reading`")
        }
        settings.overTarget = fields.choice("over_target") ?? settings.overTarget
        problems += fields.warnAboutUnknownFields(allowed: Self.fields, context: "`reading`")
        return (settings, problems)
    }

    /// `grade: 8`, `grade: 7.5` or `grade: none`.
    private static func grade(_ fields: FieldReader) -> Double? {
        guard let text = fields.string("grade"), text.lowercased() != noTarget else { return nil }
        guard let value = Double(text), value.isFinite, (1...18).contains(value), (value * 10).rounded() == value * 10 else {
            fields.failField(
                "grade", "`grade` must be a school grade from 1 to 18, like 8 or 7.5, or `none`, not “\(text)”",
                hint: "Write the highest Flesch–Kincaid grade a page may have, e.g. `grade: 8` (a reading age of about 13).")
            return nil
        }
        return value
    }

    /// `long_sentences: 10%` (10 alone is read the same) or `long_sentences: none`.
    private static func percent(_ fields: FieldReader) -> Int? {
        guard let text = fields.string("long_sentences"), text.lowercased() != noTarget else { return nil }
        let digits = text.hasSuffix("%") ? String(text.dropLast()).trimmingWhitespace() : text
        guard let value = Int(digits), (0...100).contains(value) else {
            fields.failField(
                "long_sentences",
                "`long_sentences` must be a percentage from 0% to 100%, or `none`, not “\(text)”",
                hint: "Write the largest share of sentences that may be over \(ReadingMeasures.longSentence) words, e.g. `long_sentences: 10%` (1 sentence in 10).")
            return nil
        }
        return value
    }
}
