
/// Reads one Markdown file into a `Page`: fences, YAML, then the fields of its kind.
public enum PageParser {
    static let commonFields = ["kind", "title", "summary", "draft", "publish", "updated", "sensitive", "topics", "related"]

    /// Fields whose misspelling would publish a page unsafely: without its quick exit, or
    /// before it is ready. A name one edit away from one is an error, not a warning.
    static let safetyFields = [
        "sensitive": "without it the page is published without the quick exit",
        "draft": "without it the page is published, not kept as a draft",
        "publish": "without it the page is published now, not on its date",
    ]

    static func fields(of kind: PageKind) -> [String] {
        switch kind {
        case .page: []
        case .guidance: ["audience"]
        case .policy: ["owner", "version", "approved", "review", "status", "supersedes"]
        case .newsletter: ["issue", "date"]
        case .report: ["period", "published"]
        }
    }

    /// The page, if it could be read, and every problem found (warnings even on success).
    public static func parse(_ file: SourceFile) -> (Page?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let url: String
        switch URLMapping.url(forContentPath: file.relativePath) {
        case .success(let mapped): url = mapped
        case .failure(let problem): return (nil, [problem.diagnostic(in: file)])
        }
        let parts: FrontMatter
        switch FrontMatter.split(file) {
        case .success(let split): parts = split
        case .failure(let problem): return (nil, [problem])
        }
        let node: YAMLNode?
        switch YAMLReader.parse(parts.yaml, in: file, firstLine: parts.yamlFirstLine) {
        case .success(let parsed): node = parsed
        case .failure(let problem): return (nil, [problem])
        }
        let fields = FieldReader(node, in: file, firstLine: parts.yamlFirstLine)
        let kind = fields.choice("kind", as: PageKind.self) ?? (fields.has("kind") ? nil : .page)
        let title = fields.string("title", required: true)
        let summary = fields.string("summary", required: true)
        let draft = fields.bool("draft") ?? false
        let sensitive = fields.bool("sensitive")
        let publish = fields.day("publish")
        let updated = fields.day("updated")
        let topicItems = fields.locatedStrings("topics")
        let topics = topicItems.map(\.value)
        let topicLocations = topicItems.map { SourceLocation(path: file.path, line: $0.line, column: $0.column) }
        let related = fields.locatedStrings("related").map { item in
            Reference(
                target: item.value, location: SourceLocation(path: file.path, line: item.line, column: item.column),
                source: file.sourceLine(item.line))
        }
        let details = kind.flatMap { readDetails(of: $0, from: fields) }

        let allowed = commonFields + (kind.map(fields(of:)) ?? [])
        diagnostics += fields.warnAboutUnknownFields(
            allowed: allowed, context: kind.map { "a \($0.rawValue)" } ?? "this page", safety: safetyFields)
        // Said once: a page with a mistake in its front matter (a misspelt `sensitive`, say)
        // is not published, and that mistake is the one to fix.
        if sensitive == nil, !diagnostics.hasErrors, let title,
            let topic = sensitiveTopic(title: title, body: parts.body, details: details, file: file)
        {
            let (line, column) = fields.located("title") ?? (1, 1)
            diagnostics.append(file.warning(
                line: line, column: column,
                "this page for parents, young people or communities is about \(topic), but does not say whether it needs the quick exit",
                hint: "Add `sensitive: true` to give it the quick exit (a reader may be at risk if seen reading it), or `sensitive: false` if it does not need one."))
        }
        guard let title, let summary, let details, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let page = Page(
            file: file, url: url, title: title, summary: summary, details: details, draft: draft,
            isSensitive: sensitive ?? false, publish: publish, updated: updated, topics: topics,
            topicLocations: topicLocations, related: related, body: parts.body,
            bodyFirstLine: parts.bodyFirstLine, fieldLocations: fields.locations)
        return (page, diagnostics)
    }

    private static func readDetails(of kind: PageKind, from fields: FieldReader) -> PageDetails? {
        switch kind {
        case .page:
            return .page
        case .guidance:
            let audiences = fields.choices("audience", required: true, as: Audience.self)
            return audiences.isEmpty ? nil : .guidance(audiences: audiences)
        case .policy:
            let owner = fields.string("owner", required: true)
            let version = fields.string("version", required: true)
            let approved = fields.day("approved", required: true)
            let review = fields.day("review", required: true)
            let status = fields.choice("status", required: true, as: PolicyStatus.self)
            let supersedes = fields.string("supersedes")
            guard let owner, let version, let approved, let review, let status else { return nil }
            return .policy(.init(
                owner: owner, version: version, approved: approved, review: review, status: status,
                supersedes: supersedes))
        case .newsletter:
            let issue = fields.int("issue", required: true)
            let date = fields.day("date", required: true)
            guard let issue, let date else { return nil }
            return .newsletter(issue: issue, date: date)
        case .report:
            let period = fields.period("period", required: true, kind: "a reporting year", example: "2012-13")
            let published = fields.day("published", required: true)
            guard let period, let published else { return nil }
            return .report(period: period, published: published)
        }
    }

    /// The sensitive topic a page for the public is about, if it is one: a page whose
    /// audience (or top folder) is parents and carers, young people or communities.
    static func sensitiveTopic(title: String, body: String, details: PageDetails?, file: SourceFile) -> String? {
        let forThePublic: Bool
        if case .guidance(let audiences) = details {
            forThePublic = audiences.contains { $0 != .professionals }
        } else {
            let folder = String(file.relativePath.prefix { $0 != "/" })
            forThePublic = Audience(rawValue: folder).map { $0 != .professionals } ?? false
        }
        guard forThePublic else { return nil }
        return SensitiveTopics.topic(in: title) ?? SensitiveTopics.topic(in: body)
    }
}
