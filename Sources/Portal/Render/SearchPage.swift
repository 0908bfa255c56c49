/// `/search/`: a search box (Pagefind, which indexes the built site, if it is installed)
/// and, for everyone and for browsers without JavaScript, an A–Z of every page.
public struct SearchPage: PageGenerator {
    public static let url = "/search/"
    /// Whether the site gets a search index: without one there is no box to offer.
    let hasIndex: Bool

    public init(hasIndex: Bool) {
        self.hasIndex = hasIndex
    }

    public var links: [LinkToCheck] { [] }

    struct Letter: TemplateView {
        var letter: String
        var id: String
        var pages: [LinkView]
    }

    struct View: TemplateView {
        var title: String
        var hasIndex: Bool
        var letters: [Letter]
    }

    public func pages(in site: Site) -> [GeneratedPage] {
        var entries = site.pages.compactMap { $0.page.url == "/" ? nil : LinkView(title: $0.page.title, url: $0.page.url) }
        entries += site.generated.values.map { LinkView(title: $0.title, url: $0.url) }
        // By title regardless of case (each title lowercased once, not at every comparison).
        let sorted = entries.map { ($0.title.lowercased(), $0) }.sorted { ($0.0, $0.1.url) < ($1.0, $1.1.url) }.map(\.1)
        var letters: [Letter] = []
        for entry in sorted {
            let first = entry.title.first.map { $0.isLetter ? String($0).uppercased() : "0–9" } ?? "0–9"
            if letters.last?.letter != first {
                letters.append(Letter(letter: first, id: "letter-" + (first == "0–9" ? "digits" : first.lowercased()), pages: []))
            }
            letters[letters.count - 1].pages.append(entry)
        }
        let view = View(title: "Search", hasIndex: hasIndex, letters: letters)
        return [GeneratedPage(
            url: Self.url, title: "Search",
            summary: hasIndex ? "Search the website, or find a page in the A to Z." : "Find a page in the A to Z.",
            template: "search", view: view)]
    }

    public func files(in site: Site) -> [OutputFile] { [] }
}
