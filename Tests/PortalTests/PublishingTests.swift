import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Portal

@Suite struct PublishingTests {
    func newsletter(_ issue: Int, _ date: String, body: String = "News.") -> String {
        page(title: "Issue \(issue)", summary: "Issue \(issue) summary.", extra: "kind: newsletter\nissue: \(issue)\ndate: \(date)", body: body)
    }

    @Test func newslettersAreArchivedByYearAndPaginated() throws {
        var files: [String: String] = ["news/index.md": page(title: "Newsletters")]
        for issue in 1...45 {
            let year = 2010 + issue / 12
            let month = issue % 12 + 1
            files["news/issue-\(issue).md"] = newsletter(issue, String(format: "%04d-%02d-10", year, month))
        }
        let scratch = Scratch(files)
        defer { scratch.remove() }
        let result = try scratch.build()
        let first = try #require(scratch.html("/news/", in: result))
        #expect(first.contains("<title>Newsletters (page 1 of 3) – Test Safeguarding Children Board</title>"))
        #expect(first.contains("<h2 class=\"heading-l\" id=\"2013\">2013</h2>"))
        // Newest first: issue 45 leads page 1, issue 26 is the last of its 20.
        let order = [">Issue 45<", ">Issue 44<", ">Issue 27<", ">Issue 26<"].map { first.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(!first.contains(">Issue 25<"))
        #expect(first.contains("<a href=\"/news/page/2/\" rel=\"next\">"))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<a href=\"/news/\" aria-current=\"page\" aria-label=\"Page 1\">1</a>"))
        let last = try #require(scratch.html("/news/page/3/", in: result))
        #expect(last.contains("<title>Newsletters (page 3 of 3) – Test Safeguarding Children Board</title>"))
        #expect(last.contains("<a href=\"/news/page/2/\" rel=\"prev\">"))
        #expect(!last.contains("rel=\"next\""))
        #expect(last.contains(">Issue 1<"))
        #expect(scratch.html("/news/page/4/", in: result) == nil)
    }

    @Test func longListsLinkToNearbyPagesOnly() {
        #expect(Listing.visiblePages(count: 1, current: 1) == [1])
        #expect(Listing.visiblePages(count: 3, current: 1) == [1, 2, 3])
        #expect(Listing.visiblePages(count: 500, current: 1) == [1, 2, nil, 500])
        #expect(Listing.visiblePages(count: 500, current: 4) == [1, 2, 3, 4, 5, nil, 500])
        #expect(Listing.visiblePages(count: 500, current: 250) == [1, nil, 249, 250, 251, nil, 500])
        #expect(Listing.visiblePages(count: 500, current: 500) == [1, nil, 499, 500])
    }

    @Test func policiesAreGroupedByStatusWithTheirReviewDate() throws {
        func policy(_ title: String, status: String, review: String) -> String {
            page(title: title, extra: "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2025-01-01\nreview: \(review)\nstatus: \(status)\ntopics: [thresholds]")
        }
        let scratch = Scratch([
            "policies/a.md": policy("Current one", status: "current", review: "2027-01-01"),
            "policies/b.md": policy("Overdue one", status: "current", review: "2026-01-01"),
            "policies/c.md": policy("Old one", status: "superseded", review: "2024-01-01"),
            "data/topics.yaml": "- id: thresholds\n  title: Thresholds\n  summary: The levels of need.\n",
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = try #require(scratch.html("/policies/", in: result))
        let headings = html.components(separatedBy: "<h2 class=\"heading-l\" id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(headings == ["current", "due-for-review", "superseded"])
        #expect(html.contains("Version 1 · Approved 1 January 2025 · Next review 1 January 2026 (overdue) · Topics: Thresholds"))
        let report = ContentReport(site: try Build.resolve(scratch.options()).site, now: Day(iso: "2026-11-21")!)
        #expect(report.policiesPastReview.map(\.text) == ["“Overdue one”: review was due 1 January 2026"])
    }

    @Test func feedsFollowRFC4287() throws {
        let scratch = Scratch([
            "news/one.md": newsletter(1, "2013-01-10", body: "See [the guide](/parents-carers/) & more."),
            "news/two.md": newsletter(2, "2014-02-20"),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        for path in ["feeds/newsletters.xml", "feeds/news.xml"] {
            let file = try #require(result.files.first { $0.path == path })
            let feed = try AtomFeed(Data(file.contents))
            for required in ["id", "title", "updated"] {
                #expect(feed.feed[required]?.isEmpty == false, "feed has <\(required)>")
            }
            #expect(feed.feed["author/name"] != nil || feed.entries.allSatisfy { $0["author/name"] != nil })
            #expect(feed.selfLink == "https://lscb.example.org/\(path)")
            #expect(feed.entries.count == 2)
            for entry in feed.entries {
                for required in ["id", "title", "updated", "summary", "content"] {
                    #expect(entry[required]?.isEmpty == false, "entry has <\(required)>")
                }
                #expect(entry["id"]!.hasPrefix("https://lscb.example.org/news/"))
                #expect(entry["updated"]!.hasSuffix("T00:00:00Z"))
            }
            #expect(feed.entries[0]["title"] == "Issue 2", "newest first")
            #expect(feed.feed["updated"] == "2014-02-20T00:00:00Z")
            #expect(feed.entries[1]["content"]?.contains("<a href=\"https://lscb.example.org/parents-carers/\">the guide</a> &amp; more") == true)
        }
        let home = try #require(scratch.html("/", in: result))
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test LSCB newsletters\" href=\"/feeds/newsletters.xml\">"))
    }

    @Test func sitemapListsEveryPageOnceAndRobotsPointsToIt() throws {
        let scratch = Scratch(TrainingData.files().merging(["news/one.md": newsletter(1, "2013-01-10")]) { $1 })
        defer { scratch.remove() }
        let result = try scratch.build()
        let sitemap = String(decoding: try #require(result.files.first { $0.path == "sitemap.xml" }).contents, as: UTF8.self)
        let listed = sitemap.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let pages = result.files.map(\.path).filter { $0.hasSuffix("index.html") }
            .map { "https://lscb.example.org/" + $0.dropLast("index.html".count) }
        #expect(listed.count == Set(listed).count, "no address twice")
        #expect(Set(listed) == Set(pages), "every page, and only pages")
        #expect(sitemap.contains("<url><loc>https://lscb.example.org/news/one/</loc><lastmod>2013-01-10</lastmod></url>"))
        let robots = String(decoding: try #require(result.files.first { $0.path == "robots.txt" }).contents, as: UTF8.self)
        #expect(robots.contains("Sitemap: https://lscb.example.org/sitemap.xml"))
        let notFound = String(decoding: try #require(result.files.first { $0.path == "404.html" }).contents, as: UTF8.self)
        #expect(notFound.contains("<h1 class=\"heading-xl\">Page not found</h1>"))
    }

    @Test func newslettersForEmailAreSelfContained() throws {
        let scratch = Scratch([
            "news/one.md": newsletter(1, "2013-01-10", body: "## Training\n\nBook [a course](/parents-carers/) or email [us](mailto:lscb@example.org).\n\n- One\n- Two"),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = String(decoding: try #require(result.files.first { $0.path == "news/one/email.html" }).contents, as: UTF8.self)
        #expect(!html.contains("<link"), "no stylesheet")
        #expect(!html.contains("<style"), "styles are inline")
        #expect(!html.contains("<script"))
        for link in attributeValues(in: html, names: ["href", "src"]) {
            #expect(link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:"), "\(link) is absolute")
        }
        #expect(html.contains("<h2 style=\""))
        #expect(html.contains("href=\"https://lscb.example.org/parents-carers/\">a course</a>"))
        let text = String(decoding: try #require(result.files.first { $0.path == "news/one/email.txt" }).contents, as: UTF8.self)
        #expect(text.contains("Training\n--------\n\nBook a course (https://lscb.example.org/parents-carers/) or email us (mailto:lscb@example.org).\n\n- One\n- Two\n"))
        #expect(text.contains("Read this newsletter on the web: https://lscb.example.org/news/one/"))
        #expect(!text.contains("<"))
        let page = try #require(scratch.html("/news/one/", in: result))
        #expect(page.contains("href=\"/news/one/email.html\""))
    }

    /// email.html is served from the site too: a policy forbids script in it, and nothing
    /// the author wrote reaches it unescaped.
    @Test func newslettersForEmailRunNoScript() throws {
        let scratch = Scratch([
            "news/one.md": page(
                title: "'\"<script>alert(1)</script>'", summary: "<img src=x onerror=alert(1)> & more",
                extra: "kind: newsletter\nissue: 1\ndate: 2013-01-10",
                body: "Raw <script>alert(2)</script> and [a](/parents-carers/ \"t\\\"><script>alert(3)</script>\")."),
        ])
        defer { scratch.remove() }
        let result = try scratch.build()
        let html = String(decoding: try #require(result.files.first { $0.path == "news/one/email.html" }).contents, as: UTF8.self)
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'">"#))
        #expect(!html.contains("<script") && !html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test(arguments: Scaffold.Kind.allCases)
    func scaffoldsBuildCleanly(kind: Scaffold.Kind) throws {
        let scratch = Scratch(["news/one.md": newsletter(3, "2013-01-10")])
        defer { scratch.remove() }
        let today = Day(iso: "2026-11-21")!
        let existing = try Build.resolve(scratch.options()).site.pages.map(\.page)
        let created = try Scaffold.plan(
            kind, title: "Safe sleep: my space", folder: kind == .newsletter ? "news" : nil, today: today, existing: existing,
            owner: "Test LSCB", contentRoot: scratch.content)
        if kind == .newsletter {
            #expect(created.relativePath == "news/2026-11-issue-4.md")
            #expect(created.issue == 4)
        }
        scratch.write(created.relativePath, created.text)
        let result = try scratch.build(drafts: true)
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        let url = try URLMapping.url(forContentPath: created.relativePath).get()
        #expect(scratch.html(url, in: result)?.contains("Safe sleep: my space") == true)
        // A draft: not on the published site until the line is removed.
        #expect(scratch.html(url, in: try scratch.build()) == nil)
        #expect(throws: Scaffold.Failure.self) {
            try Scaffold.plan(kind, title: "Safe sleep: my space", folder: kind == .newsletter ? "news" : nil, today: today, existing: existing, owner: "Test LSCB", contentRoot: scratch.content)
        }
    }

    /// A new policy is owned by the board whose site it is: the `short_name` of site.yaml,
    /// quoted when YAML would read it otherwise, and read back as written.
    @Test(arguments: ["Test LSCB", "Northmoor Safeguarding Children Partnership", "Board: “Northmoor” & partners", "'Tis #1", "'Tis the season", "!Important"])
    func aNewPolicyIsOwnedByTheSite(shortName: String) throws {
        let yaml = Scratch.siteYAML.replacingOccurrences(
            of: "short_name: Test LSCB", with: "short_name: \"\(shortName.replacingOccurrences(of: "\"", with: "\\\""))\"")
        let scratch = Scratch(["site.yaml": yaml])
        defer { scratch.remove() }
        let site = try Build.resolve(scratch.options()).site
        #expect(site.config.shortName == shortName)
        let created = try Scaffold.plan(
            .policy, title: "Safer recruitment", folder: nil, today: Day(iso: "2026-11-21")!, existing: site.pages.map(\.page),
            owner: site.config.shortName, contentRoot: scratch.content)
        #expect(!created.text.contains("Havering"))
        scratch.write(created.relativePath, created.text)
        let result = try scratch.build(drafts: true)
        #expect(result.warnings.isEmpty, "\(DiagnosticFormatter().report(result.warnings))")
        let policy = try #require(
            Build.resolve(scratch.options(drafts: true)).site.pages.first { $0.page.title == "Safer recruitment" })
        guard case .policy(let details) = policy.page.details else {
            Issue.record("not read as a policy")
            return
        }
        #expect(details.owner == shortName)
    }

    @Test func theContentCheckListsWhatNeedsAttention() throws {
        let scratch = Scratch([
            "old.md": page(title: "Old page", extra: "updated: 2024-05-01", body: "See [London](https://www.londoncp.co.uk/) and [Gov](https://www.gov.uk/x)."),
            "fresh.md": page(title: "Fresh page", extra: "updated: 2026-10-01"),
            "draft.md": page(title: "Draft page", extra: "draft: true"),
            "later.md": page(title: "Later page", extra: "publish: 2027-01-01\nupdated: 2026-11-01"),
            "news/one.md": newsletter(1, "2013-01-10"),
            "old-policy.md": page(title: "Old policy", extra: "kind: policy\nowner: LSCB\nversion: \"1\"\napproved: 2010-01-01\nreview: 2011-01-01\nstatus: superseded"),
            "report.md": page(title: "Report", extra: "kind: report\nperiod: 2012-13\npublished: 2013-09-19"),
            "undated.md": page(title: "Undated page", extra: "related: [https://www.nspcc.org.uk/]"),
            "published.md": page(title: "Published page", extra: "publish: 2020-01-01"),
        ])
        defer { scratch.remove() }
        let site = try Build.resolve(scratch.options(drafts: true)).site
        let report = ContentReport(site: site, now: Day(iso: "2026-11-21")!)
        #expect(report.drafts.map(\.text) == ["“Draft page” (draft)", "“Later page” (publishes on 1 January 2027)"])
        // Dated publications are not pages to keep up to date; a missing date is said so.
        #expect(report.notUpdatedForAYear.map(\.text).sorted() == [
            "“Accessibility”: has no `updated` date", "“Home”: has no `updated` date", "“Old page”: last updated 1 May 2024",
            "“Parents and carers”: has no `updated` date", "“Published page”: has no `updated` date; published 1 January 2020",
            "“Undated page”: has no `updated` date", "“Worried about a child?”: has no `updated` date",
        ])
        #expect(report.externalLinks.map(\.host) == ["www.bbc.co.uk", "www.gov.uk", "www.londoncp.co.uk", "www.nspcc.org.uk"])
        #expect(report.externalLinks[0].items.map(\.location) == ["\(scratch.content)/site.yaml:18:13"])
        #expect(report.externalLinks[2].items[0].location.hasSuffix("old.md:6:5"))
        #expect(report.externalLinks[3].items[0].location.hasSuffix("undated.md:4:11"))
        #expect(report.text.contains("Links to other websites (4, listed, not visited: check they still work)"))
    }
}

/// Reads an Atom feed back: the feed's own elements and each entry's, by path.
struct AtomFeed {
    var feed: [String: String] = [:]
    var entries: [[String: String]] = []
    var selfLink: String?

    init(_ data: Data) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        feed = delegate.feed
        entries = delegate.entries
        selfLink = delegate.selfLink
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var feed: [String: String] = [:]
        var entries: [[String: String]] = []
        var selfLink: String?
        var path: [String] = []
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            path.append(name)
            text = ""
            if name == "entry" { entries.append([:]) }
            if name == "link", path.count == 2, attributes["rel"] == "self" { selfLink = attributes["href"] }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let entry = path.firstIndex(of: "entry") {
                let key = path[(entry + 1)...].joined(separator: "/")
                if !key.isEmpty { entries[entries.count - 1][key] = text }
            } else if path.count >= 2 {
                feed[path.dropFirst().joined(separator: "/")] = text
            }
            path.removeLast()
            text = ""
        }
    }
}
