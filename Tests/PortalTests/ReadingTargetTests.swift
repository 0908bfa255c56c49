import Foundation
import Testing

@testable import Portal

/// Issue 18's reading targets: `reading:` in site.yaml, the strictest target of a page's
/// audiences, the build's one warning (or error) per page over its target, and what the
/// preview's session reports after an edit.
@Suite struct ReadingTargetTests {
    /// 4 sentences, every one over 25 words: far over any target.
    static let hardText = (1...4).map { _ in
        "Notwithstanding the considerable organisational complexities associated with multi-agency safeguarding arrangements, "
            + "practitioners should nevertheless endeavour to communicate information regarding children's circumstances "
            + "comprehensively and appropriately to every relevant partner organisation."
    }.joined(separator: " ")
    static let plainText = "We can help. Call us any day. We will listen to you."

    func settings(_ yaml: String) -> (SiteConfig?, [String]) {
        let file = SourceFile(path: "Content/site.yaml", relativePath: "site.yaml", text: Scratch.siteYAML + yaml)
        let (config, problems) = SiteConfig.parse(file)
        return (config, problems.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" })
    }

    /// The line of the site settings where the appended `yaml` starts.
    var firstAddedLine: Int { Scratch.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).count }

    // MARK: Settings

    @Test func withoutReadingSettingsTheDefaultsOfTheIssueApply() throws {
        let (config, problems) = settings("")
        #expect(problems.isEmpty)
        let reading = try #require(config).reading
        #expect(reading.targets[.parentsCarers] == ReadingTarget(grade: 8, longSentencesPercent: 10))
        #expect(reading.targets[.communities] == ReadingTarget(grade: 8, longSentencesPercent: 10))
        #expect(reading.targets[.youngPeople] == ReadingTarget(grade: 7, longSentencesPercent: 10))
        #expect(reading.targets[.professionals] == ReadingTarget.none)
        #expect(reading.overTarget == .warning)
    }

    @Test func aBoardChangesTargetsAndMakesGoingOverAnError() throws {
        let (config, problems) = settings("""
            reading:
              parents-carers:
                grade: 7.5
              young-people:
                long_sentences: 5%
              communities: none
              professionals:
                grade: 12
                long_sentences: 20
              over_target: error

            """)
        #expect(problems.isEmpty)
        let reading = try #require(config).reading
        // A limit not given keeps its default.
        #expect(reading.targets[.parentsCarers] == ReadingTarget(grade: 7.5, longSentencesPercent: 10))
        #expect(reading.targets[.youngPeople] == ReadingTarget(grade: 7, longSentencesPercent: 5))
        #expect(reading.targets[.communities] == ReadingTarget.none)
        #expect(reading.targets[.professionals] == ReadingTarget(grade: 12, longSentencesPercent: 20))
        #expect(reading.overTarget == .error)
    }

    @Test func badValuesAreLocatedErrorsAndUnknownNamesWarnings() throws {
        let (config, problems) = settings("""
            reading:
              parents-carers:
                grade: eight
                long_sentences: 150%
              young-people: sometimes
              communities:
                grade: none
                long_sentence: 10%
              parent-carers: none
              over_target: stop

            """)
        #expect(config == nil)
        let line = firstAddedLine
        #expect(problems.sorted { Int($0.prefix { $0 != ":" })! < Int($1.prefix { $0 != ":" })! } == [
            "\(line + 2):12: error: `grade` must be a school grade from 1 to 18, like 8 or 7.5, or `none`, not “eight”",
            "\(line + 3):21: error: `long_sentences` must be a percentage from 0% to 100%, or `none`, not “150%”",
            "\(line + 4):17: error: `young-people` must be `none` or a group with `grade` and `long_sentences`, not “sometimes”",
            "\(line + 7):5: warning: `long_sentence` is not a field of a target under `reading`; it is ignored",
            "\(line + 8):3: warning: `parent-carers` is not a field of `reading`; it is ignored",
            "\(line + 9):16: error: `over_target` must be one of warning, error, not “stop”",
        ])
        // The hints say what to write.
        let file = SourceFile(path: "Content/site.yaml", relativePath: "site.yaml", text: Scratch.siteYAML + "reading:\n  parent-carers: none\n")
        let hint = SiteConfig.parse(file).1.first?.hint ?? ""
        #expect(hint.hasPrefix("Did you mean `parents-carers`?"))
    }

    // MARK: Targets of pages

    func guidance(_ audiences: String, path: String = "guide.md") -> Page {
        let file = SourceFile(
            path: "Content/\(path)", relativePath: path,
            text: page(title: "Guide", extra: "kind: guidance\naudience: [\(audiences)]", body: "Text."))
        return PageParser.parse(file).0!
    }

    @Test func aPageForSeveralAudiencesGetsTheStrictestTarget() throws {
        var settings = ReadingSettings.defaults
        settings.targets[.parentsCarers] = ReadingTarget(grade: 8, longSentencesPercent: 5)
        settings.targets[.youngPeople] = ReadingTarget(grade: 7, longSentencesPercent: 20)
        settings.targets[.communities] = ReadingTarget(grade: 9)
        let both = try #require(settings.target(for: guidance("parents-carers, young-people")))
        #expect(both.target == ReadingTarget(grade: 7, longSentencesPercent: 5))
        #expect(both.audiences == [.parentsCarers, .youngPeople])
        // A limit only one audience sets still applies.
        #expect(settings.target(for: guidance("communities, young-people"))?.target == ReadingTarget(grade: 7, longSentencesPercent: 20))
        // Professionals have none: the other audience's target stands.
        let mixed = try #require(settings.target(for: guidance("professionals, parents-carers")))
        #expect(mixed.target == ReadingTarget(grade: 8, longSentencesPercent: 5) && mixed.audiences == [.parentsCarers])
        #expect(settings.target(for: guidance("professionals")) == nil)
    }

    @Test func otherKindsTakeTheirAudienceFromTheirFolder() {
        func target(_ path: String) -> ReadingTarget? {
            let file = SourceFile(path: "Content/\(path)", relativePath: path, text: page(title: "A page"))
            return ReadingSettings.defaults.target(for: PageParser.parse(file).0!)?.target
        }
        #expect(target("young-people/online.md") == ReadingTarget(grade: 7, longSentencesPercent: 10))
        #expect(target("communities/faith.md") == ReadingTarget(grade: 8, longSentencesPercent: 10))
        #expect(target("professionals/thresholds.md") == nil)
        #expect(target("about.md") == nil)
    }

    @Test func theGradeIsComparedAsShownAndLongSentencesExactly() {
        let target = ReadingTarget(grade: 8, longSentencesPercent: 10)
        var measures = ReadingMeasures.measure(text: Self.plainText)
        #expect(target.isMet(by: measures))
        #expect(ReadingTarget(grade: 1).gradeIsOver(measures) == (measures.grade >= 1.05))
        // 2 long sentences of 20 is 10%: within; 3 of 29 is over.
        let long = "Every" + String(repeating: " word", count: 25) + "."
        func text(long count: Int, of total: Int) -> String {
            (Array(repeating: long, count: count) + Array(repeating: "A short one.", count: total - count)).joined(separator: " ")
        }
        measures = ReadingMeasures.measure(text: text(long: 2, of: 20))
        #expect(measures.longSentences == 2 && !target.longSentencesAreOver(measures))
        measures = ReadingMeasures.measure(text: text(long: 3, of: 29))
        #expect(measures.longSentences == 3 && target.longSentencesAreOver(measures))
        // No sentences: nothing is over.
        #expect(target.isMet(by: ReadingMeasures()))
    }

    // MARK: The build

    @Test func aPageOverItsTargetGetsOneWarningAtItsTitle() throws {
        let scratch = Scratch([
            "parents-carers/hard.md": page(title: "Hard to read", body: "## Help\n\n\(Self.hardText)\n\n- A list item."),
            "parents-carers/plain.md": page(title: "Plain", body: Self.plainText),
            "professionals/hard.md": page(title: "For professionals", body: Self.hardText),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        let reading = result.warnings.filter { $0.message.contains("harder to read") }
        #expect(located(reading).count == 1)
        let warning = try #require(reading.first)
        #expect(located([warning]).first?.hasPrefix("parents-carers/hard.md:2:8: this page is harder to read than the target for parents and carers: grade ") == true)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("(target: 8 or lower), 4 of 4 sentences over 25 words, 100% (target: no more than 10%)"))
        #expect(warning.hint?.hasPrefix("Its longest sentences start on lines 7 (") == true)
        #expect(warning.source == SourceLine(text: "title: Hard to read", start: 0, end: 19))
        // The page is built all the same.
        #expect(result.files.contains { $0.path == "parents-carers/hard/index.html" })
    }

    @Test func overTargetErrorStopsTheBuildButNotCheck() throws {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML + "reading:\n  over_target: error\n",
            "young-people/hard.md": page(title: "Hard to read", body: Self.hardText),
        ])
        defer { scratch.remove() }
        let failure = try #require(throws: BuildFailed.self) { try scratch.build() }
        let errors = located(failure.diagnostics.filter(\.isError))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("young-people/hard.md:2:8: this page is harder to read than the target for young people: grade ") == true)
        // portal check lists the page instead of stopping.
        var options = scratch.options(drafts: true)
        options.readingOverTargetStops = false
        let site = try Build.resolve(options).site
        let report = ContentReport(site: site, now: Day(iso: "2026-11-21")!)
        #expect(report.text.contains("Reading: pages harder to read than their target (1)\n  \(scratch.content)/young-people/hard.md  grade "))
    }

    @Test func draftsAreCheckedOnlyWhenTheBuildPublishesThem() throws {
        let scratch = Scratch([
            "parents-carers/draft.md": page(title: "Draft", extra: "draft: true", body: Self.hardText),
        ])
        defer { scratch.remove() }
        #expect(!(try scratch.build()).warnings.contains { $0.message.contains("harder to read") })
        #expect((try scratch.build(drafts: true)).warnings.contains { $0.message.contains("harder to read") })
    }

    /// The compiler measures the tree it parsed, before it puts HTML in place of blocks and
    /// headings: the same figures as measuring the text on its own.
    @Test func theCompilerMeasuresOnlyWhenAskedAndAsTheTextAlone() {
        let markdown = "## A heading\n\n\(Self.plainText)\n\n```table\nfile: nothing.csv\n```\n\n> Quoted. Twice here.\n\n- Not a sentence"
        let file = SourceFile(path: "Content/a.md", relativePath: "a.md", text: "---\ntitle: A\n---\n" + markdown)
        let measured = MarkdownCompiler.compile(markdown, in: file, firstLine: 4, measureReading: true).reading
        #expect(measured == ReadingMeasures.measure(markdown: markdown, firstLine: 4))
        #expect(measured?.sentences == 5)
        #expect(MarkdownCompiler.compile(markdown, in: file, firstLine: 4).reading == nil)
    }

    // MARK: The preview

    @Test func afterAnEditTheSessionGivesThatPagesFigures() throws {
        let scratch = Scratch(["parents-carers/a.md": page(title: "A", body: Self.plainText), "news/b.md": page(title: "B")])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        #expect(try session.rebuild(changed: nil).reading.isEmpty)
        let path = "\(scratch.content)/parents-carers/a.md"

        // A text edit, rebuilt alone: its figures, within the target.
        scratch.write("parents-carers/a.md", page(title: "A", body: Self.plainText + " Thank you."))
        var edit = try session.rebuild(changed: [path])
        #expect(edit.incremental)
        var figures = try #require(edit.reading.first)
        #expect(edit.reading.count == 1 && figures.path == path && !figures.isOverTarget)
        #expect(figures.summary.hasSuffix(": within the target for parents and carers"))
        #expect(figures.measures.sentences == 4)

        // Over the target: still rebuilt alone, with the one warning to show.
        scratch.write("parents-carers/a.md", page(title: "A", body: Self.hardText))
        edit = try session.rebuild(changed: [path])
        figures = try #require(edit.reading.first)
        #expect(edit.incremental && figures.isOverTarget)
        #expect(figures.summary.contains("(target: 8 or lower)") && figures.summary.hasSuffix(": OVER the target for parents and carers"))
        #expect(located(edit.result.warnings).count == 1)

        // A full rebuild (the title changed): the figures too.
        scratch.write("parents-carers/a.md", page(title: "A again", body: Self.plainText))
        edit = try session.rebuild(changed: [path])
        #expect(!edit.incremental && edit.reading.map(\.path) == [path] && edit.reading[0].measures.sentences == 3)

        // A page for no audience: no figures, as in portal check.
        scratch.write("news/b.md", page(title: "B", body: Self.plainText))
        edit = try session.rebuild(changed: ["\(scratch.content)/news/b.md"])
        #expect(edit.incremental && edit.reading.isEmpty)
    }

    @Test func aPageForAnAudienceWithoutATargetHasFiguresSayingSo() throws {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML + "reading:\n  communities: none\n",
            "communities/a.md": page(title: "A", body: Self.hardText),
        ])
        defer { scratch.remove() }
        #expect(!(try scratch.build()).warnings.contains { $0.message.contains("harder to read") })
        let session = BuildSession(options: scratch.options())
        _ = try session.rebuild(changed: nil)
        scratch.write("communities/a.md", page(title: "A", body: Self.hardText + " " + Self.plainText))
        let figures = try #require(try session.rebuild(changed: ["\(scratch.content)/communities/a.md"]).reading.first)
        #expect(figures.target == nil && !figures.isOverTarget)
        #expect(figures.summary.hasPrefix("grade ") && figures.summary.hasSuffix("; no reading target for communities"))
    }

    @Test func withOverTargetErrorAnEditOverTheTargetFailsTheRebuild() throws {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML + "reading:\n  over_target: error\n",
            "parents-carers/a.md": page(title: "A", body: Self.plainText),
        ])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        _ = try session.rebuild(changed: nil)
        scratch.write("parents-carers/a.md", page(title: "A", body: Self.hardText))
        let failure = try #require(throws: BuildFailed.self) { try session.rebuild(changed: ["\(scratch.content)/parents-carers/a.md"]) }
        #expect(failure.diagnostics.contains { $0.isError && $0.message.contains("harder to read") })
    }

    /// The preview reuses compiled pages only if they were measured for the same targets.
    @Test func aChangeToTheTargetsMeasuresThePagesAgain() throws {
        let scratch = Scratch([
            "site.yaml": Scratch.siteYAML + "reading:\n  parents-carers: none\n",
            "parents-carers/hard.md": page(title: "Hard", body: Self.hardText),
        ])
        defer { scratch.remove() }
        let session = BuildSession(options: scratch.options())
        #expect(!(try session.rebuild(changed: nil)).result.warnings.contains { $0.message.contains("harder to read") })
        scratch.write("site.yaml", Scratch.siteYAML)
        let again = try session.rebuild(changed: ["\(scratch.content)/site.yaml"])
        #expect(again.result.warnings.contains { $0.message.contains("harder to read") })
    }
}
