/// Turns parsed pages into one checked `Site`: drops unpublished pages, gives every folder
/// a section, orders listings, and checks every link and reference.
public enum Resolver {
    public static func resolve(
        config: SiteConfig, pages parsed: [ResolvedPage], unreadable: Set<String> = [], unreadableFolders: Set<String> = [],
        assets: Set<String>,
        generators: [any PageGenerator] = [], references: ReferenceIndex? = nil, topics: [TrainingCatalogue.Topic] = [],
        now: Day, includeDrafts: Bool
    ) -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let published = parsed.filter { includeDrafts || $0.page.isPublished(now: now) }
        let unpublished = Set(parsed.map(\.page.url)).subtracting(published.map(\.page.url))

        // One page per address.
        var pages: [ResolvedPage] = []
        var pageIndex: [String: Int] = [:]
        for resolved in published.sorted(by: { ($0.page.url, $0.page.file.path) < ($1.page.url, $1.page.file.path) }) {
            if let existing = pageIndex[resolved.page.url] {
                diagnostics.append(resolved.page.file.error(
                    line: 1, column: 1,
                    "this page has the same address, \(resolved.page.url), as \(pages[existing].page.file.path)",
                    hint: "Rename or move one of the two files: `name.md` and `name/index.md` both become /name/."))
                continue
            }
            pageIndex[resolved.page.url] = pages.count
            pages.append(resolved)
        }

        let sections = buildSections(pages: pages, pageIndex: pageIndex)
        var site = Site(
            config: config, pages: pages, pageIndex: pageIndex, sections: sections, assets: assets, now: now)
        site.topics = topics
        for generator in generators {
            for generated in generator.pages(in: site) {
                // A folder's own index.md may introduce a generated page; any other clash is an error.
                if let index = pageIndex[generated.url], !pages[index].page.file.relativePath.hasSuffix("index.md") {
                    diagnostics.append(pages[index].page.file.error(
                        line: 1, column: 1, "this page has the same address, \(generated.url), as a page made from the data",
                        hint: "Move or rename this file: \(generated.url) is “\(generated.title)”, made by the build."))
                }
                site.generated[generated.url] = generated
            }
            site.dataFiles += generator.files(in: site)
        }
        var relatedLinks: [LinkToCheck] = []
        for index in site.pages.indices {
            for reference in site.pages[index].page.related {
                var address = reference.target
                switch references?.resolve(reference.target) ?? .untyped {
                case .untyped: break
                case .address(let resolved): address = resolved
                case .problem(let message, let hint):
                    diagnostics.append(Diagnostic(.error, at: reference.location, message, hint: hint, source: reference.source))
                    continue
                case .dependsOnAMistake:
                    continue
                }
                var link = LinkToCheck(reference)
                link.url = address
                link.written = reference.target
                relatedLinks.append(link)
                site.pages[index].related.append(address)
            }
        }
        addBacklinks(to: &site.pages, index: site.pageIndex)
        let links = LinkChecker(site: site, unpublished: unpublished, unreadable: unreadable, unreadableFolders: unreadableFolders)
        diagnostics += links.checkAll(generators.flatMap(\.links) + relatedLinks)
        diagnostics += checkNewsletterIssues(pages)
        diagnostics += checkSupersedes(pages, site: site)
        return (site, diagnostics)
    }

    /// Each page learns which other written pages link to it ("Mentioned in").
    /// `index` is the pages' positions by address.
    private static func addBacklinks(to pages: inout [ResolvedPage], index: [String: Int]) {
        let mentioned = parallelMap(pages, mentions(in:))
        for source in pages.indices {
            for target in mentioned[source] {
                if let position = index[target] { pages[position].mentionedIn.append(pages[source].page.url) }
            }
        }
    }

    /// The other pages a page's text links to, each once, in order.
    static func mentions(in resolved: ResolvedPage) -> [String] {
        let from = resolved.page.url
        return Set(resolved.body.links.compactMap { link -> String? in
            guard link.url.hasPrefix("/"), !link.isImage else { return nil }
            let end = link.url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? link.url.endIndex
            return String(link.url[..<end])
        }).filter { $0 != from }.sorted()
    }

    private static func buildSections(pages: [ResolvedPage], pageIndex: [String: Int]) -> [String: Section] {
        var members: [String: [Int]] = ["/": []]
        var folders: Set<String> = ["/"]
        for (index, resolved) in pages.enumerated() {
            var current = URLMapping.parent(of: resolved.page.url)
            if let parent = current { members[parent, default: []].append(index) }
            while let folder = current {
                folders.insert(folder)
                current = URLMapping.parent(of: folder)
            }
        }
        // Every folder is a section; a page whose address is the folder's is its own page.
        let sectionURLs = folders
        var sections: [String: Section] = [:]
        for url in sectionURLs {
            let own = pageIndex[url]
            let title = own.map { pages[$0].page.title } ?? derivedTitle(url)
            sections[url] = Section(
                url: url, title: title, summary: own.map { pages[$0].page.summary }, ownPage: own, pages: [],
                subsections: [])
        }
        let titles = sections.mapValues(\.title)
        for url in sectionURLs {
            let children = (members[url] ?? []).filter { !sectionURLs.contains(pages[$0].page.url) }
            sections[url]?.pages = children.sorted { listingOrder(pages[$0].page, pages[$1].page) }
            sections[url]?.subsections = sectionURLs.filter { URLMapping.parent(of: $0) == url }
                .sorted { (titles[$0]!, $0) < (titles[$1]!, $1) }
        }
        return sections
    }

    /// Dated pages first, newest first; then the rest by title.
    static func listingOrder(_ a: Page, _ b: Page) -> Bool {
        switch (a.listingDate, b.listingDate) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.title, a.url) < (b.title, b.url)
        }
    }

    /// `/parents-carers/` → “Parents carers”, for folders without an `index.md`.
    static func derivedTitle(_ url: String) -> String {
        let name = url.split(separator: "/").last.map { $0.replacingOccurrences(of: "-", with: " ") } ?? ""
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    private static func checkNewsletterIssues(_ pages: [ResolvedPage]) -> [Diagnostic] {
        var seen: [Int: Page] = [:]
        var found: [Diagnostic] = []
        for resolved in pages {
            guard case .newsletter(let issue, _) = resolved.page.details else { continue }
            if let first = seen[issue] {
                found.append(resolved.page.error(
                    at: "issue", "issue \(issue) is already used by \(first.file.path)",
                    hint: "Give this newsletter the next free issue number."))
            } else {
                seen[issue] = resolved.page
            }
        }
        return found
    }

    private static func checkSupersedes(_ pages: [ResolvedPage], site: Site) -> [Diagnostic] {
        pages.compactMap { resolved in
            guard case .policy(let policy) = resolved.page.details, let target = policy.supersedes else { return nil }
            let url = try? URLMapping.url(forContentPath: target + ".md").get()
            if let url, site.page(at: url) != nil { return nil }
            return resolved.page.error(
                at: "supersedes", "`supersedes` names “\(target)”, which is not a page of this site",
                hint: "Write the replaced policy's path inside Content/ without `.md`, e.g. professionals/policies/threshold-document-2010.")
        }
    }
}

import Foundation
