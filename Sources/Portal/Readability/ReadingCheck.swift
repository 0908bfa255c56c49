/// The build's check of reading targets: one warning for each page over its target, at its
/// `title`, or an error when `site.yaml` says `over_target: error`. Pages this build does not
/// publish are not checked: a draft may be plain English only when it is finished.
enum ReadingCheck {
    static func problems(
        _ pages: [ResolvedPage], settings: ReadingSettings, now: Day, includeDrafts: Bool
    ) -> [Diagnostic] {
        pages.compactMap { resolved in
            guard includeDrafts || resolved.page.isPublished(now: now) else { return nil }
            return problem(resolved.page, measures: resolved.body.reading, settings: settings)
        }
    }

    /// The problem with one page, or nil when it has no target or meets it. `measures` are
    /// those the compiler took; a page compiled before its audience had a target (kept by the
    /// preview) is measured here.
    static func problem(_ page: Page, measures: ReadingMeasures?, settings: ReadingSettings) -> Diagnostic? {
        guard settings.target(for: page) != nil else { return nil }
        let measures = measures ?? ReadingMeasures.measure(markdown: page.body, firstLine: page.bodyFirstLine)
        let reading = PageReading(page, measures: measures, settings: settings)
        guard reading.isOverTarget, let target = reading.target else { return nil }
        let location = page.fieldLocations["title"] ?? SourceLocation(path: page.file.path, line: 1, column: 1)
        let message = "this page is harder to read than the target for \(PageReading.audienceNames(reading.audiences)): "
            + reading.figuresAgainstTarget
        let lines = measures.longest.map { "\($0.line) (\($0.words) words)" }
        var hint = "Its longest sentences start on line\(lines.count == 1 ? "" : "s") \(PageReading.listed(lines)). "
        hint += target.longSentencesAreOver(measures) || !target.gradeIsOver(measures)
            ? "Split long sentences in two, and use everyday words where you can."
            : "Use shorter sentences and everyday words: long words raise the grade as much as long sentences."
        hint += " `portal check` shows every page's figures; see “How hard the text is to read” in docs/CONTENT-FORMAT.md."
        let severity: Diagnostic.Severity = settings.overTarget == .error ? .error : .warning
        return Diagnostic(severity, at: location, message, hint: hint, source: page.file.sourceLine(location.line))
    }
}
