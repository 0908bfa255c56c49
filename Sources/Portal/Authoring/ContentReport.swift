/// `portal check`: a content governance report for the board. It lists what needs a
/// person's attention; it never changes anything and never fetches a link.
public struct ContentReport: Sendable {
    public struct Item: Sendable, Equatable {
        public var location: String
        public var text: String
    }

    public var now: Day
    public var policiesPastReview: [Item] = []
    public var notUpdatedForAYear: [Item] = []
    public var drafts: [Item] = []
    /// By host, hosts in order.
    public var externalLinks: [(host: String, items: [Item])] = []

    /// Reads a site built with drafts included.
    public init(site: Site, now: Day) {
        self.now = now
        let yearAgo = Day(year: now.year - 1, month: now.month, day: min(now.day, 28))!
        var external: [String: [Item]] = [:]
        for resolved in site.pages {
            let page = resolved.page
            let path = page.file.path
            if case .policy(let policy) = page.details, policy.status == .current, policy.review < now {
                policiesPastReview.append(Item(location: path, text: "“\(page.title)”: review was due \(policy.review.long)"))
            }
            if !page.isPublished(now: now) {
                let why = page.draft ? "draft" : "publishes on \(page.publish?.long ?? "")"
                drafts.append(Item(location: path, text: "“\(page.title)” (\(why))"))
            } else if let last = page.updated ?? page.listingDate ?? page.publish {
                if last < yearAgo {
                    notUpdatedForAYear.append(Item(location: path, text: "“\(page.title)”: last updated \(last.long)"))
                }
            } else {
                notUpdatedForAYear.append(Item(location: path, text: "“\(page.title)”: no `updated` date"))
            }
            for link in resolved.body.links {
                guard let host = Self.host(of: link.url) else { continue }
                external[host, default: []].append(Item(location: "\(path):\(link.line):\(link.column)", text: link.url))
            }
        }
        externalLinks = external.keys.sorted().map { ($0, external[$0]!) }
    }

    /// `www.londoncp.co.uk` for `https://www.londoncp.co.uk/…`; nil for other links.
    static func host(of url: String) -> String? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return nil }
        return url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
    }

    public var text: String {
        var out = "Content check for \(now.long)\n"
        func section(_ title: String, _ items: [Item], empty: String) {
            out += "\n\(title) (\(items.count))\n"
            if items.isEmpty { out += "  \(empty)\n" }
            for item in items { out += "  \(item.location)  \(item.text)\n" }
        }
        section("Policies past their review date", policiesPastReview, empty: "None: every current policy is within its review date.")
        section("Pages not updated for over a year", notUpdatedForAYear, empty: "None.")
        section("Drafts and pages not yet published", drafts, empty: "None.")
        let count = externalLinks.reduce(0) { $0 + $1.items.count }
        out += "\nLinks to other websites (\(count), listed, not visited: check they still work)\n"
        for (host, items) in externalLinks {
            out += "  \(host)\n"
            for item in items { out += "    \(item.location)  \(item.text)\n" }
        }
        return out
    }
}
