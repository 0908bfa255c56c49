import Testing

@testable import Portal

@Suite struct FrontMatterTests {
    func parse(_ text: String, path: String = "Content/test.md") -> (Page?, [String]) {
        let (page, problems) = PageParser.parse(sourceFile(text, path: path))
        return (page, problems.sortedForReport().map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" })
    }

    @Test func readsAPlainPage() throws {
        let (page, problems) = parse("---\ntitle: Contact us\nsummary: How to reach the board.\n---\nText.\n")
        #expect(problems.isEmpty)
        let read = try #require(page)
        #expect(read.kind == .page)
        #expect(read.title == "Contact us")
        #expect(read.summary == "How to reach the board.")
        #expect(read.body == "Text.")
        #expect(read.bodyFirstLine == 5)
        #expect(read.url == "/test/")
    }

    @Test func readsEveryKindsFields() throws {
        let guidance = try #require(parse("""
            ---
            kind: guidance
            title: Private fostering
            summary: S.
            audience: [parents-carers, communities]
            sensitive: true
            ---
            """).0)
        guard case .guidance(let audiences) = guidance.details else { Issue.record(); return }
        #expect(audiences == [.parentsCarers, .communities])
        #expect(guidance.isSensitive)

        let policy = try #require(parse("""
            ---
            kind: policy
            title: Threshold document
            summary: S.
            owner: Havering LSCB
            version: "2.0"
            approved: 2012-04-01
            review: 2014-03-31
            status: current
            supersedes: professionals/policies/old
            ---
            """).0)
        guard case .policy(let details) = policy.details else { Issue.record(); return }
        #expect(details.version == "2.0")
        #expect(details.approved == Day(year: 2012, month: 4, day: 1))
        #expect(details.status == .current)
        #expect(details.supersedes == "professionals/policies/old")
        #expect(policy.listingDate == Day(year: 2012, month: 4, day: 1))

        let newsletter = try #require(parse("---\nkind: newsletter\ntitle: N\nsummary: S.\nissue: 3\ndate: 2014-02-20\n---\n").0)
        guard case .newsletter(let issue, let date) = newsletter.details else { Issue.record(); return }
        #expect(issue == 3)
        #expect(date.long == "20 February 2014")

        let report = try #require(parse("---\nkind: report\ntitle: R\nsummary: S.\nperiod: 2012-13\npublished: 2013-09-19\n---\n").0)
        guard case .report(let period, _) = report.details else { Issue.record(); return }
        #expect(period == "2012-13")
    }

    @Test(arguments: [
        ("guidance", ["1:1: error: `audience` is missing from the front matter starting here"]),
        ("policy", [
            "1:1: error: `approved` is missing from the front matter starting here",
            "1:1: error: `owner` is missing from the front matter starting here",
            "1:1: error: `review` is missing from the front matter starting here",
            "1:1: error: `status` is missing from the front matter starting here",
            "1:1: error: `version` is missing from the front matter starting here",
        ]),
        ("newsletter", [
            "1:1: error: `date` is missing from the front matter starting here",
            "1:1: error: `issue` is missing from the front matter starting here",
        ]),
        ("report", [
            "1:1: error: `period` is missing from the front matter starting here",
            "1:1: error: `published` is missing from the front matter starting here",
        ]),
    ])
    func requiresEachKindsFields(kind: String, expected: [String]) {
        let (page, problems) = parse("---\nkind: \(kind)\ntitle: T\nsummary: S.\n---\n")
        #expect(page == nil)
        #expect(problems == expected)
    }

    @Test func datesAreYearMonthDayInTheCalendar() {
        #expect(Day(iso: "2026-11-21") == Day(year: 2026, month: 11, day: 21))
        #expect(Day(iso: "2024-02-29") == Day(year: 2024, month: 2, day: 29))
        for wrong in ["2026-02-30", "2026-13-01", "2026-1-01", "26-11-21", "2026/11/21", "2026-11-2x", "２０２６-11-21", "2026-11-21T10", ""] {
            #expect(Day(iso: wrong) == nil, "\(wrong)")
        }
    }

    @Test func requiresTitleAndSummary() {
        let (_, problems) = parse("---\nkind: page\n---\nBody\n")
        #expect(problems == [
            "1:1: error: `summary` is missing from the front matter starting here",
            "1:1: error: `title` is missing from the front matter starting here",
        ])
    }

    @Test func reportsYAMLErrorsAtTheirFileLine() {
        #expect(parse("---\ntitle: Safe sleep: my space\nsummary: S.\n---\n").1
            == ["2:18: error: a value contains a colon followed by a space"])
        #expect(parse("---\ntitle: T\n\tsummary: S.\n---\n").1
            == ["3:1: error: this line contains a character that cannot start a value here (often a tab)"])
        #expect(parse("---\ntitle: T\nsummary: \"S.\n---\n").1
            == ["3:10: error: this quoted value is never closed"])
        #expect(parse("---\ntitle: T\nsummary: S.\ntopics: [cse, private fostering\n---\n").1
            == ["4:9: error: this list is never closed: it opens with [ but has no ]"])
        #expect(parse("---\ntitle: T\nsummary: S.\ntitle: U\n---\n").1
            == ["4:1: error: `title` is given more than once"])
        #expect(parse("---\n- a\n- b\n---\n").1 == ["2:1: error: the front matter must be `name: value` lines"])
    }

    @Test func reportsWrongTypesWithTheValue() {
        let (_, problems) = parse("""
            ---
            kind: newsletter
            title: T
            summary: S.
            issue: two
            date: next week
            draft: maybe
            ---
            """)
        #expect(problems == [
            "5:8: error: `issue` must be a whole number of at least 1, not “two”",
            "6:7: error: `date` must be a date written year-month-day, not “next week”",
            "7:8: error: `draft` must be true or false, not “maybe”",
        ])
        #expect(parse("---\ntitle: T\nsummary: S.\npublish: 2026-02-30\n---\n").1
            == ["4:10: error: `publish` is 2026-02-30, which is not a date in the calendar"])
        #expect(parse("---\nkind: report\ntitle: T\nsummary: S.\nperiod: 2012\npublished: 2013-01-01\n---\n").1
            == ["5:9: error: `period` must be a reporting year like 2012-13, not “2012”"])
    }

    @Test func unknownKindIsAnErrorWithASuggestion() {
        let (page, problems) = PageParser.parse(sourceFile("---\nkind: polcy\ntitle: T\nsummary: S.\n---\n"))
        #expect(page == nil)
        #expect(problems.count == 1)
        #expect(problems[0].message == "`kind` must be one of page, guidance, policy, newsletter, report, not “polcy”")
        #expect(problems[0].hint?.contains("Did you mean `policy`?") == true)
    }

    @Test func unknownFieldIsAWarning() throws {
        let (page, problems) = PageParser.parse(sourceFile("---\ntitle: T\nsummary: S.\nsumary: again\n---\n"))
        #expect(page != nil)
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems[0].location.line == 4)
        #expect(problems[0].hint?.hasPrefix("Did you mean `summary`?") == true)
    }

    @Test func fencesMustOpenAndClose() {
        #expect(parse("no front matter\n").1 == ["1:1: error: this page does not start with front matter"])
        #expect(parse("---\ntitle: T\n").1 == ["1:1: error: the front matter that starts here is never closed"])
        #expect(parse("\n\n").1 == ["1:1: error: this page is empty"])
    }

    @Test func badFileNamesAreRefused() {
        let (page, problems) = PageParser.parse(sourceFile(page(title: "T"), path: "Content/Private Fostering.md"))
        #expect(page == nil)
        #expect(problems.first?.message == "“Private Fostering” cannot be part of a web address")
        #expect(problems.first?.hint?.contains("private-fostering") == true)
    }

    @Test func decodingRejectsInvalidUTF8AndAcceptsBOMAndCRLF() throws {
        let bad = SourceFile.decode(Array("---\ntitle: caf".utf8) + [0xE9] + Array("\n---\n".utf8), path: "p.md", relativePath: "p.md")
        guard case .failure(let problem) = bad else { Issue.record("accepted invalid UTF-8"); return }
        #expect(problem.location.line == 2)
        #expect(problem.location.column == 11)

        let windows = SourceFile.decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: T\r\nsummary: S.\r\n---\r\nBody\r\n".utf8), path: "p.md", relativePath: "p.md")
        let file = try windows.get()
        let (page, problems) = PageParser.parse(file)
        #expect(problems.isEmpty)
        #expect(page?.title == "T")
        #expect(page?.body == "Body")

        guard case .failure(let binary) = SourceFile.decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], path: "p.md", relativePath: "p.md") else {
            Issue.record("accepted binary data"); return
        }
        #expect(binary.message == "this file is not text (it contains binary data)")
    }
}

/// "Did you mean" hints: the closest candidate within two edits, checked against the
/// whole edit-distance table on many random pairs (the hints compute only a band of it).
@Suite struct SuggestionTests {
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            row = next
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    @Test func theClosestWithinTwoEditsAsTheWholeTableSays() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("abc-")
        for _ in 0..<3000 {
            let a = String((0..<Int.random(in: 0...7, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            let b = String((0..<Int.random(in: 0...7, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            let exact = Self.distance(Array(a), Array(b))
            for limit in 0...2 {
                #expect((Suggestions([b]).closest(to: a, within: limit) != nil) == (exact <= limit), "\(a) → \(b): \(exact)")
            }
        }
        #expect(closest(to: "sumary", in: ["title", "summary", "sum"]) == "summary")
        #expect(closest(to: "xyz", in: ["title", "summary"]) == nil)
    }
}
