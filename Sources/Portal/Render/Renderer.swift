/// A file of the finished site: where it goes under the output folder, and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// A text file. Its bytes are copied in one step: `Array(text.utf8)` copies them one
    /// by one, which cost a tenth of rendering a page.
    public init(path: String, text: String) {
        var text = text
        self.init(path: path, contents: text.withUTF8 { Array($0) })
    }
}

/// Renders the resolved site through the theme's templates into output files.
public struct Renderer: Sendable {
    private(set) var site: Site
    let theme: Theme

    /// Each section's listing, split into pages.
    let listings: [String: [ListingPage]]
    /// Later pages of listings by address: `/a/page/2/` → section `/a/`, page 2.
    let listingPages: [String: (section: String, page: Int)]
    /// Every address that becomes a page: each page, each section (and later pages of its
    /// listing), and each page made from data, in order.
    public let urls: [String]
    /// What the layout shows on every page, made into values once.
    let siteLayout: TemplateValue
    /// The PDFs of printed pages, by page address (see `Printing`): none without WeasyPrint.
    var printed: [String: PrintedDocument] = [:]

    public init(site: Site, theme: Theme) {
        self.site = site
        self.theme = theme
        var listings: [String: [ListingPage]] = [:]
        var later: [String: (String, Int)] = [:]
        for (url, section) in site.sections where site.generated[url] == nil && url != "/" {
            let pages = Listing.pages(of: section, in: site) { [site] page in Renderer.listItem(page, now: site.now, topics: site.topics) }
            listings[url] = pages
            for page in pages.dropFirst() { later[page.url] = (url, page.number) }
        }
        self.listings = listings
        self.listingPages = later
        self.siteLayout = Self.siteLayout(site)
        self.urls = Set(site.pages.map(\.page.url)).union(site.sections.keys).union(site.generated.keys)
            .union(later.keys).sorted()
    }

    /// The same renderer for a site whose pages changed only in what lists do not show
    /// (their text): the listings are kept.
    func replacing(site: Site) -> Renderer {
        var renderer = self
        renderer.site = site
        return renderer
    }

    public func render(url: String) -> OutputFile {
        let content: String
        let title: String
        let description: String
        let page = site.page(at: url)
        let template = template(for: url)
        let context = ContentContextView(print: false, download: printed[url]?.download).templateValue
        if let generated = site.generated[url] {
            content = theme.render(generated.view, template: template, within: context)
        } else if url == "/" {
            content = theme.render(homeView(), template: template)
        } else if let later = listingPages[url], let section = site.sections[later.section] {
            content = theme.render(sectionView(section, page: later.page), template: template)
        } else if let section = site.sections[url] {
            content = theme.render(sectionView(section, page: 1), template: template)
        } else if let page {
            content = theme.render(pageView(page), template: template, within: context)
        } else {
            content = ""
        }
        if url == "/" {
            title = site.config.name
            description = page?.page.summary ?? site.config.description
        } else {
            let listing = listingPages[url].map { ($0.section, $0.page) } ?? (url, 1)
            var pageTitle = site.generated[url]?.title ?? page?.page.title ?? site.title(of: listing.0)
            if let count = listings[listing.0]?.count, count > 1 {
                pageTitle += " (page \(listing.1) of \(count))"
            }
            title = "\(pageTitle) – \(site.config.name)"
            description = site.generated[url]?.summary ?? page?.page.summary ?? site.sections[url]?.summary
                ?? site.config.description
        }
        let kind = site.generated[url]?.template
            ?? (url == "/" ? "home" : site.sections[url] != nil ? "section" : page?.page.kind.rawValue ?? "page")
        let html = framed(
            content, url: url, title: title, description: description, sensitive: page?.page.isSensitive ?? false,
            kind: kind, filters: searchFilters(url))
        return OutputFile(path: URLMapping.outputPath(for: url), contents: html)
    }

    /// The template that fills the layout for the page at `url`.
    func template(for url: String) -> String {
        if let generated = site.generated[url] { return generated.template }
        if url == "/" { return "home" }
        if listingPages[url] != nil || site.sections[url] != nil { return "section" }
        return site.page(at: url).map { theme.template(for: $0.page.kind) } ?? "page"
    }

    /// What the search page can filter this page by: audience, topic and training level.
    func searchFilters(_ url: String) -> [String: [String]] {
        if let generated = site.generated[url] { return generated.searchFilters }
        guard let resolved = site.page(at: url) else { return [:] }
        var filters: [String: [String]] = [:]
        if case .guidance(let audiences) = resolved.page.details { filters["audience"] = audiences.map(\.title) }
        if !resolved.page.topics.isEmpty { filters["topic"] = Self.topicTitles(resolved.page.topics, in: site.topics) }
        return filters
    }

    /// A page's content inside the layout every page shares.
    func framed(
        _ content: String, url: String, title: String, description: String, sensitive: Bool, kind: String,
        filters: [String: [String]] = [:]
    ) -> [UInt8] {
        let layout = LayoutView(
            title: title, description: description, canonical: site.config.baseURL + url,
            navigation: site.config.navigation.map { link in
                NavItemView(
                    title: link.title, url: link.url.target, current: link.url.target == url,
                    active: link.url.target != "/" && url.hasPrefix(link.url.target) && link.url.target != url,
                    outside: AddressCheck.isOutsideWeb(link.url.target))
            },
            breadcrumbs: site.breadcrumbs(for: url).map { LinkView(title: $0.title, url: $0.url) },
            sensitive: sensitive, kind: kind,
            searchable: kind != "not-found" && url != SearchPage.url, isSearch: url == SearchPage.url,
            searchFilters: filters.keys.sorted().flatMap { name in
                filters[name]!.map { SearchFilterView(name: name, value: $0) }
            },
            content: content)
        return theme.renderBytes(layout, template: "layout", within: siteLayout)
    }

    /// The layout's values every page shares.
    static func siteLayout(_ site: Site) -> TemplateValue {
        TemplateEncoder.encode(SiteLayoutView(
            siteName: site.config.name, siteShortName: site.config.shortName,
            logo: site.config.branding.logo.map { ImageView(url: "/" + $0.path, alt: $0.alt, width: $0.width, height: $0.height) },
            legalName: site.config.branding.legalName ?? site.config.name, address: site.config.branding.address,
            contacts: site.config.contacts.map { ContactView(label: $0.label, phone: $0.shownPhone, tel: $0.telURL) },
            contactsPage: site.config.contactsPage.url.target,
            contactsPageOutside: AddressCheck.isOutsideWeb(site.config.contactsPage.url.target),
            footer: site.config.footer.map { LinkView(title: $0.title, url: $0.url.target) },
            quickExit: site.config.quickExit, quickExitHelp: site.config.quickExitHelp.url.target,
            quickExitHelpOutside: AddressCheck.isOutsideWeb(site.config.quickExitHelp.url.target),
            feeds: SiteFiles.feedLinks(site), searchIndex: site.hasSearchIndex))
    }

    /// `404.html`: served by most hosts for an address that does not exist. It has no
    /// breadcrumbs, since it stands for every wrong address.
    public func notFound() -> OutputFile {
        let contactsPage = site.config.contactsPage.url.target
        let view = NotFoundView(
            title: "Page not found", contactsPage: contactsPage, contactsPageOutside: AddressCheck.isOutsideWeb(contactsPage))
        let content = theme.render(view, template: theme.templateNames.contains("not-found") ? "not-found" : "page")
        let html = framed(
            content, url: "/", title: "Page not found – \(site.config.name)",
            description: "There is no page at this address.", sensitive: false, kind: "not-found")
        return OutputFile(path: "404.html", contents: html)
    }

    /// Every file of the site but its pages: 404.html, feeds, sitemap, robots.txt,
    /// newsletters for email, the files made from data and the PDFs of printed pages.
    public func filesBesidesPages() -> [OutputFile] {
        [notFound()] + siteFiles() + site.dataFiles + printed.keys.sorted().map { printed[$0]!.file }
    }

    /// Feeds, sitemap and robots.txt for the pages rendered, and newsletters for email.
    public func siteFiles() -> [OutputFile] {
        SiteFiles(site: site, urls: urls).files() + NewsletterEmail(site: site, theme: theme).files()
    }

    func pageView(_ resolved: ResolvedPage) -> PageView {
        // `resolved.page` each time, not a copy of it: a copy retains every field.
        PageView(
            title: resolved.page.title, summary: resolved.page.summary, kind: resolved.page.kind.rawValue,
            tags: tags(of: resolved.page), topics: topicLinks(of: resolved.page), facts: facts(of: resolved.page), contents: contents(of: resolved.body.headings),
            body: resolved.body.html,
            related: resolved.related.map { LinkView(title: linkTitle($0), url: $0) },
            emailVersions: resolved.page.kind == .newsletter ? [
                LinkView(title: "Email version (HTML to paste into a bulletin)", url: "/" + NewsletterEmail.htmlPath(resolved.page.url)),
                LinkView(title: "Plain text version", url: "/" + NewsletterEmail.textPath(resolved.page.url)),
            ] : [],
            mentionedIn: resolved.mentionedIn.map { LinkView(title: site.title(of: $0), url: $0) })
    }

    /// The title of the page an address leads to, with the heading's text for `#anchor`s.
    func linkTitle(_ url: String) -> String {
        let parts = url.split(separator: "#", maxSplits: 1).map(String.init)
        let title = site.title(of: parts[0])
        guard parts.count == 2, let heading = site.page(at: parts[0])?.body.headings.first(where: { $0.id == parts[1] }) else {
            return title
        }
        return "\(title): \(heading.text)"
    }

    func sectionView(_ section: Section, page number: Int) -> SectionView {
        let subsections = section.subsections.compactMap { site.sections[$0] }.map {
            ListItemView(title: $0.title, url: $0.url, summary: $0.summary, date: nil, label: nil)
        }
        // Pages made from data list in the section of their folder too, by title.
        let generated = site.generated.values.filter { URLMapping.parent(of: $0.url) == section.url }
            .sorted { ($0.title, $0.url) < ($1.title, $1.url) }
            .map { ListItemView(title: $0.title, url: $0.url, summary: $0.summary, date: nil, label: nil) }
        let pages = listings[section.url] ?? []
        let current = pages.first { $0.number == number }
        var ids = UniqueIDs(taken: section.ownPage.map { site.pages[$0].body.ids } ?? [])
        var groups = (current?.groups ?? []).map { group in
            ListGroupView(title: group.title, id: ids.claim(slug(group.title ?? "pages")), items: group.items)
        }
        var sections = number == 1 ? subsections + generated : []
        // A plain list needs no heading of its own: it follows the folders.
        if groups.count == 1, groups[0].title == nil {
            sections += groups[0].items
            groups = []
        }
        var pagination: PaginationView?
        if pages.count > 1 {
            pagination = PaginationView(
                previous: number > 1 ? Listing.url(of: section.url, page: number - 1) : nil,
                next: number < pages.count ? Listing.url(of: section.url, page: number + 1) : nil,
                pages: Listing.visiblePages(count: pages.count, current: number).map { shown in
                    shown.map { PageLinkView(number: $0, url: Listing.url(of: section.url, page: $0), current: $0 == number) }
                        ?? PageLinkView(number: nil, url: nil, current: false, gap: true)
                })
        }
        return SectionView(
            title: section.title, summary: section.summary,
            intro: number == 1 ? section.ownPage.map { site.pages[$0].body.html } ?? "" : "",
            sections: sections, groups: groups, pagination: pagination)
    }

    func homeView() -> HomeView {
        let home = site.page(at: "/")
        return HomeView(
            title: home?.page.title ?? site.config.name, summary: home?.page.summary ?? site.config.description,
            intro: home?.body.html ?? "",
            doors: site.config.doors.map { LinkView(title: $0.title, url: $0.url.target, text: $0.text) },
            latestNewsletter: site.latestNewsletter.map { Renderer.listItem($0.page, now: site.now, topics: site.topics) })
    }

    static func listItem(_ page: Page, now: Day, topics: [TrainingCatalogue.Topic] = []) -> ListItemView {
        var label: String?
        switch page.details {
        case .newsletter(let issue, _): label = "Issue \(issue)"
        case .report(let period, _): label = "Reporting period \(period)"
        case .policy(let policy):
            let review = policy.status == .current
                ? " · Next review \(policy.review.long)\(policy.review < now ? " (overdue)" : "")" : ""
            label = "Version \(policy.version) · Approved \(policy.approved.long)\(review)"
                + (page.topics.isEmpty ? "" : " · Topics: \(topicTitles(page.topics, in: topics).joined(separator: ", "))")
        case .page, .guidance: break
        }
        let date = page.kind == .policy ? nil : page.listingDate.map(DateView.init)
        return ListItemView(title: page.title, url: page.url, summary: page.summary, date: date, label: label)
    }

    /// The titles of topics given by id (an id not in the list as it is).
    static func topicTitles(_ ids: [String], in topics: [TrainingCatalogue.Topic]) -> [String] {
        ids.map { id in topics.first { $0.id == id }?.title ?? id }
    }

    /// Links to the hubs of a page's topics.
    func topicLinks(of page: Page) -> [TopicLinkView] {
        let links = page.topics.compactMap { id -> TopicLinkView? in
            guard let topic = site.topics.first(where: { $0.id == id }), site.generated[TopicPages.url(id)] != nil else { return nil }
            return TopicLinkView(title: topic.title, url: TopicPages.url(id), last: false)
        }
        return links.enumerated().map { index, link in
            var link = link
            link.last = index == links.count - 1
            return link
        }
    }

    func tags(of page: Page) -> [String] {
        if case .guidance(let audiences) = page.details { return audiences.map { "For \($0.title.lowercased())" } }
        return []
    }

    func facts(of page: Page) -> [FactView] {
        var facts: [FactView] = []
        func text(_ label: String, _ value: String) { facts.append(FactView(label: label, text: value)) }
        func date(_ label: String, _ day: Day) {
            facts.append(FactView(label: label, text: day.long, date: DateView(day)))
        }
        switch page.details {
        case .page, .guidance:
            break
        case .policy(let policy):
            text("Status", policy.status.title)
            text("Owner", policy.owner)
            text("Version", policy.version)
            date("Approved", policy.approved)
            date("Next review", policy.review)
            if let target = policy.supersedes,
                let url = try? URLMapping.url(forContentPath: target + ".md").get(), let replaced = site.page(at: url)
            {
                facts.append(FactView(label: "Replaces", text: replaced.page.title, url: url))
            }
        case .newsletter(let issue, let day):
            text("Issue", String(issue))
            date("Date", day)
        case .report(let period, let published):
            text("Reporting period", period)
            date("Published", published)
        }
        if let updated = page.updated { date("Last updated", updated) }
        return facts
    }

    /// Level-two headings with their level-three children, for pages with `atLeast` of them
    /// (on screen, three: a short page needs none).
    func contents(of headings: [Heading], atLeast: Int = 3) -> [ContentsEntryView] {
        let listed = headings.filter { $0.level == 2 || $0.level == 3 }
        guard listed.count >= atLeast else { return [] }
        var entries: [ContentsEntryView] = []
        for heading in listed {
            let entry = ContentsEntryView(text: heading.text, id: heading.id, children: [])
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
            } else {
                entries.append(entry)
            }
        }
        return entries
    }
}
