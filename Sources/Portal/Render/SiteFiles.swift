import Foundation

/// The files around the pages: Atom feeds (RFC 4287), the sitemap, robots.txt and the
/// board's colours. Made from the finished list of addresses, so nothing is left out or
/// listed twice.
struct SiteFiles {
    let site: Site
    /// Every HTML page's address, in order.
    let urls: [String]

    static let newsletterFeed = "feeds/newsletters.xml"
    static let newsFeed = "feeds/news.xml"
    static let feedEntryLimit = 50

    /// The feeds every page links to with `<link rel="alternate">`.
    static func feedLinks(_ site: Site) -> [LinkView] {
        [
            LinkView(title: "\(site.config.shortName) newsletters", url: "/" + newsletterFeed),
            LinkView(title: "\(site.config.shortName) news and publications", url: "/" + newsFeed),
        ]
    }

    func files() -> [OutputFile] {
        let newsletters = site.pages.filter { $0.page.kind == .newsletter }
        let news = site.pages.filter { [.newsletter, .report, .policy].contains($0.page.kind) }
        return [
            OutputFile(path: Self.newsletterFeed, contents: feed(
                title: "\(site.config.name): newsletters", path: Self.newsletterFeed, entries: newsletters)),
            OutputFile(path: Self.newsFeed, contents: feed(
                title: "\(site.config.name): news and publications", path: Self.newsFeed, entries: news)),
            OutputFile(path: "sitemap.xml", contents: sitemap()),
            OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)/sitemap.xml\n"),
            OutputFile(path: Self.brandingStylesheet, text: Self.brandingCSS(site.config.branding)),
        ]
    }

    /// The board's colours for the theme's stylesheet, from `branding:` in the settings: a
    /// file of its own, since the pages allow no style written inside them (CSP).
    static let brandingStylesheet = "branding.css"

    static func brandingCSS(_ branding: Branding) -> String {
        "/* The board's colours, from `branding` in site.yaml. */\n"
            + ":root { --brand: \(branding.headerColour.hex); --brand-text: \(branding.headerTextColour.hex); }\n"
    }

    /// The date an entry last changed: `updated` if given, else its own date.
    static func updated(_ page: Page) -> Day? { page.updated ?? page.listingDate }

    private func feed(title: String, path: String, entries pages: [ResolvedPage]) -> [UInt8] {
        let base = Self.escape(site.config.baseURL)
        let sorted = pages.sorted {
            (Self.updated($0.page) ?? .distantPast, $0.page.url) > (Self.updated($1.page) ?? .distantPast, $1.page.url)
        }
            .prefix(Self.feedEntryLimit)
        // The feed changes when its newest entry does, never because of the day it was built.
        let newest = sorted.compactMap { Self.updated($0.page) }.max() ?? .distantPast
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
            <id>\(base)/\(path)</id>
            <title>\(Self.escape(title))</title>
            <subtitle>\(Self.escape(site.config.description))</subtitle>
            <updated>\(Self.timestamp(newest))</updated>
            <author><name>\(Self.escape(site.config.name))</name></author>
            <link rel="self" type="application/atom+xml" href="\(base)/\(path)"/>
            <link rel="alternate" type="text/html" href="\(base)/"/>

            """
        for resolved in sorted {
            let page = resolved.page
            let url = base + page.url
            xml += """
                <entry>
                <id>\(url)</id>
                <title>\(Self.escape(page.title))</title>
                <link rel="alternate" type="text/html" href="\(url)"/>
                <updated>\(Self.timestamp(Self.updated(page) ?? newest))</updated>
                \(page.listingDate.map { "<published>\(Self.timestamp($0))</published>\n" } ?? "")<summary>\(Self.escape(page.summary))</summary>
                <content type="html">\(Self.escape(Self.absolute(resolved.body.html, base: site.config.baseURL)))</content>
                </entry>

                """
        }
        xml += "</feed>\n"
        return Array(xml.utf8)
    }

    private func sitemap() -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            xml += "<url><loc>\(Self.escape(site.config.baseURL + url))</loc>"
            if let page = site.page(at: url)?.page, let day = Self.updated(page) { xml += "<lastmod>\(day.iso)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return Array(xml.utf8)
    }

    /// RFC 3339, midnight UTC: content dates are days.
    static func timestamp(_ day: Day) -> String { "\(day.iso)T00:00:00Z" }

    /// Links and sources inside HTML made absolute, for feed readers and email.
    static func absolute(_ html: String, base: String) -> String {
        let base = escape(base)  // checked when read; escaped here all the same
        return html.replacingOccurrences(of: "href=\"/", with: "href=\"\(base)/")
            .replacingOccurrences(of: "src=\"/", with: "src=\"\(base)/")
    }

    /// Text for XML or an HTML attribute: `& < > "` as entities.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.appendEscapingMarkup(text, apostrophes: false)
        return escaped
    }
}
