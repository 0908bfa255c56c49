/// `portal check`: a content governance report for the board. It lists what needs a
/// person's attention; it never changes anything and never fetches a link.
public struct ContentReport: Sendable {
    public struct Item: Sendable, Equatable {
        public var location: String
        public var text: String
    }

    public var now: Day
    /// Figures for how hard each page for the public (or with a reading target) is to read,
    /// against its target, by path.
    public var reading: [PageReading] = []
    public var policiesPastReview: [Item] = []
    public var notUpdatedForAYear: [Item] = []
    public var drafts: [Item] = []
    /// Every `[to be added: …]` still to replace.
    public var placeholders: [Item] = []
    /// Topics in `data/topics.yaml` that no page (drafts too) and no course uses.
    public var unusedTopics: [Item] = []
    /// By host, hosts in order.
    public var externalLinks: [(host: String, items: [Item])] = []

    /// Reads a site built with drafts included.
    public init(site: Site, now: Day) {
        self.now = now
        reading = site.pages.compactMap { PageReading($0, settings: site.config.reading) }.sorted { $0.path < $1.path }
        let yearAgo = Day(year: now.year - 1, month: now.month, day: min(now.day, 28))!
        var external: [String: [Item]] = [:]
        func outside(_ url: String, at location: SourceLocation) {
            guard let host = Self.host(of: url) else { return }
            external[host, default: []].append(Item(location: "\(location.path):\(location.line):\(location.column)", text: url))
        }
        for resolved in site.pages {
            let page = resolved.page
            let path = page.file.path
            if case .policy(let policy) = page.details, policy.status == .current, policy.review < now {
                policiesPastReview.append(Item(location: path, text: "“\(page.title)”: review was due \(policy.review.long)"))
            }
            if !page.isPublished(now: now) {
                let why = page.draft ? "draft" : "publishes on \(page.publish?.long ?? "")"
                drafts.append(Item(location: path, text: "“\(page.title)” (\(why))"))
            } else if let staleness = Self.staleness(page, yearAgo: yearAgo) {
                notUpdatedForAYear.append(Item(location: path, text: "“\(page.title)”: \(staleness)"))
            }
            for link in resolved.body.links {
                outside(link.url, at: SourceLocation(path: path, line: link.line, column: link.column))
            }
            for reference in page.related { outside(reference.target, at: reference.location) }
        }
        // The settings' links, the quick exit among them: it must keep working.
        let config = site.config
        for link in config.navigation + config.doors + config.footer + [config.contactsPage, config.quickExitHelp] {
            outside(link.url.target, at: link.url.location)
        }
        outside(config.quickExit, at: config.fieldLocations["quick_exit"] ?? SourceLocation(path: "site.yaml"))
        externalLinks = external.keys.sorted().map { ($0, external[$0]!) }
        let usedTopics = site.pages.reduce(into: site.topicsOfCourses) { $0.formUnion($1.page.topics) }
        unusedTopics = site.topics.filter { !usedTopics.contains($0.id) }.map {
            Item(location: "\($0.location.path):\($0.location.line):\($0.location.column)", text: "“\($0.title)” (`\($0.id)`)")
        }
        placeholders = site.placeholders.map {
            Item(location: "\($0.location.path):\($0.location.line):\($0.location.column)", text: "[\($0.text)]")
        }
    }

    /// Why a published page is listed as not updated for a year, if it is: its `updated`
    /// date is over a year old, or it has none and was not published within the year.
    /// Newsletters, reports and policies are dated publications, not pages kept up to date
    /// (a policy's review date is checked on its own).
    static func staleness(_ page: Page, yearAgo: Day) -> String? {
        switch page.kind {
        case .newsletter, .report, .policy: return nil
        case .page, .guidance: break
        }
        if let updated = page.updated { return updated < yearAgo ? "last updated \(updated.long)" : nil }
        if let publish = page.publish {
            return publish < yearAgo ? "has no `updated` date; published \(publish.long)" : nil
        }
        return "has no `updated` date"
    }

    /// `www.example.org` for `https://www.example.org/…`; nil for other links.
    static func host(of url: String) -> String? {
        guard AddressCheck.isOutsideWeb(url) else { return nil }
        return url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map { $0.lowercased() }
    }

    public var text: String {
        var out = "Content check for \(now.long)\n"
        func section(_ title: String, _ items: [Item], empty: String) {
            out += "\n\(title) (\(items.count))\n"
            if items.isEmpty { out += "  \(empty)\n" }
            for item in items { out += "  \(item.location)  \(item.text)\n" }
        }
        if !placeholders.isEmpty {
            section("Details still to be added (replace each [to be added: …] with your board's own)", placeholders, empty: "")
        }
        section("Policies past their review date", policiesPastReview, empty: "None: every current policy is within its review date.")
        section("Pages not updated for over a year, or with no `updated` date", notUpdatedForAYear, empty: "None.")
        section("Drafts and pages not yet published", drafts, empty: "None.")
        section("Topics nothing uses (no page or course names them: use or remove each)", unusedTopics, empty: "None.")
        let count = externalLinks.reduce(0) { $0 + $1.items.count }
        out += "\nLinks to other websites (\(count), listed, not visited: check they still work)\n"
        for (host, items) in externalLinks {
            out += "  \(host)\n"
            for item in items { out += "    \(item.location)  \(item.text)\n" }
        }
        out += PageReading.section(reading)
        // Titles and addresses come from content: control characters are shown as symbols.
        return DiagnosticFormatter.visible(out)
    }
}
