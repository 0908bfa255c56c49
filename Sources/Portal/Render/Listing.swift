/// How a section lists its pages: grouped the way readers look for them (newsletters by
/// year, policies by status) and split into pages of `pageSize` items.
struct Listing {
    static let pageSize = 20

    struct Group {
        var title: String?
        var items: [ListItemView]
    }


    /// The page numbers a list's pagination links to, GOV.UK style: the first, the last,
    /// and the current one with its neighbours; `nil` where pages are left out (shown as
    /// an ellipsis). A list of 500 pages links to 7, not 500, from each of its pages.
    static func visiblePages(count: Int, current: Int) -> [Int?] {
        let shown = Set([1, count, current - 1, current, current + 1].filter { (1...count).contains($0) }).sorted()
        var numbers: [Int?] = []
        for page in shown {
            if let last = numbers.last ?? nil, page - last > 1 {
                // One page left out is shown rather than an ellipsis standing for it.
                numbers.append(page - last == 2 ? last + 1 : nil)
            }
            numbers.append(page)
        }
        return numbers
    }

    /// `/publications/newsletters/` page 2 → `/publications/newsletters/page/2/`.
    static func url(of section: String, page: Int) -> String {
        page == 1 ? section : "\(section)page/\(page)/"
    }

    static func pages(of section: Section, in site: Site, item: @Sendable (Page) -> ListItemView) -> [ListingPage] {
        // Resolved pages, not their `Page`s: copying one shares its fields instead of
        // retaining each.
        let written = section.pages.map { site.pages[$0] }
        let starts = Array(stride(from: 0, to: max(written.count, 1), by: pageSize))
        let (address, now) = (section.url, site.now)
        // The listing's pages are made on every core: 50,000 pages in a section make 2,500.
        return parallelMap(Array(starts.enumerated())) { index, start in
            ListingPage(
                url: url(of: address, page: index + 1), number: index + 1, count: starts.count,
                groups: groups(written[start..<min(start + pageSize, written.count)], now: now, item: item))
        }
    }

    /// Newsletters by year, newest first; policies by status; anything else as one list.
    static func groups(_ pages: ArraySlice<ResolvedPage>, now: Day, item: (Page) -> ListItemView) -> [Group] {
        guard !pages.isEmpty else { return [] }
        if pages.allSatisfy({ $0.page.kind == .newsletter }) {
            var groups: [Group] = []
            for resolved in pages {
                let year = resolved.page.listingDate.map { String($0.year) } ?? ""
                if groups.last?.title != year { groups.append(Group(title: year, items: [])) }
                groups[groups.count - 1].items.append(item(resolved.page))
            }
            return groups
        }
        if pages.allSatisfy({ $0.page.kind == .policy }) {
            let order = ["Current", "Due for review", "Draft", "Superseded"]
            let grouped = Dictionary(grouping: pages) { policyGroup($0.page, now: now) }
            return order.compactMap { title in
                grouped[title].map { Group(title: title, items: $0.map { item($0.page) }) }
            }
        }
        return [Group(title: nil, items: pages.map { item($0.page) })]
    }

    static func policyGroup(_ page: Page, now: Day) -> String {
        guard case .policy(let policy) = page.details else { return "Current" }
        switch policy.status {
        case .current: return policy.review < now ? "Due for review" : "Current"
        case .draft: return "Draft"
        case .superseded: return "Superseded"
        }
    }
}

/// One page of a section's listing: its address, its number of how many, and its groups.
struct ListingPage {
    var url: String
    var number: Int
    var count: Int
    var groups: [Listing.Group]
}
