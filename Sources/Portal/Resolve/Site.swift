/// A page ready to render: what the author wrote and its compiled body.
///
/// A value like any other, but the page and its body live in one shared box, copied only
/// when a copy changes them (as arrays do): pages are handed around by every stage, and
/// copying each of their fields every time cost a twentieth of a build. The lists the
/// resolver fills in afterwards are kept outside the box, so filling them copies nothing.
public struct ResolvedPage: Sendable {
    private final class Storage: @unchecked Sendable {
        // Changed only through `unique()`, so never while another value shares it.
        var page: Page
        var body: CompiledBody

        init(page: Page, body: CompiledBody) {
            self.page = page
            self.body = body
        }
    }

    private var storage: Storage
    /// Addresses of the pages named under `related`, resolved.
    public var related: [String] = []
    /// Addresses of the written pages that link to this one.
    public var mentionedIn: [String] = []

    public init(page: Page, body: CompiledBody) {
        storage = Storage(page: page, body: body)
    }

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(page: storage.page, body: storage.body) }
    }

    public var page: Page {
        _read { yield storage.page }
        _modify { unique(); yield &storage.page }
    }

    public var body: CompiledBody {
        _read { yield storage.body }
        _modify { unique(); yield &storage.body }
    }
}

/// A folder of the content, listed on its own index page.
public struct Section: Sendable {
    public var url: String
    public var title: String
    public var summary: String?
    /// The page written for the section itself (`folder/index.md`), if any.
    public var ownPage: Int?
    /// Pages directly in the folder, in listing order.
    public var pages: [Int]
    /// Folders directly inside, by title.
    public var subsections: [String]
}

/// A page made from data rather than written in Markdown (the training catalogue): its
/// template and the view model that fills it.
public struct GeneratedPage: Sendable {
    public var url: String
    public var title: String
    public var summary: String
    public var template: String
    public var view: any TemplateView
    /// Search filters (`level`, `topic`, `audience`) and their values for this page.
    public var searchFilters: [String: [String]]
    /// How the page prints, as a PDF beside it (see `PrintedPages`); nil: it has no PDF.
    public var print: PrintExtras?

    public init(
        url: String, title: String, summary: String, template: String, view: any TemplateView,
        searchFilters: [String: [String]] = [:], print: PrintExtras? = nil
    ) {
        self.print = print
        self.url = url
        self.title = title
        self.summary = summary
        self.template = template
        self.view = view
        self.searchFilters = searchFilters
    }
}

public struct Crumb: Sendable, Equatable {
    public var title: String
    public var url: String
}

/// Everything the renderer needs, resolved and checked: one value, no disk.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Pages in address order.
    public var pages: [ResolvedPage]
    public var pageIndex: [String: Int]
    public var sections: [String: Section]
    /// Pages made from data, by address. They take the place of a section's own index.
    public var generated: [String: GeneratedPage] = [:]
    /// Files made from data (calendars, JSON), written as they are.
    public var dataFiles: [OutputFile] = [] {
        didSet { dataFileURLs = Set(dataFiles.map { "/" + $0.path }) }
    }
    /// The addresses of `dataFiles`, for checking links to them.
    private(set) var dataFileURLs: Set<String> = []
    /// Whether the written site gets a search index (Pagefind), which the search page uses.
    public var hasSearchIndex = false
    /// Every `[to be added: …]` left in pages, settings and data, for `portal check`.
    public var placeholders: [Placeholders.Found] = []
    /// The topics of `data/topics.yaml`, in order, for the pages' links and `portal check`.
    public var topics: [TrainingCatalogue.Topic] = []
    /// The ids of the topics the training courses use, for `portal check`.
    public var topicsOfCourses: Set<String> = []
    /// Files the theme provides, by address (e.g. `/assets/site.css`).
    public var assets: Set<String>
    public var now: Day

    public func page(at url: String) -> ResolvedPage? { pageIndex[url].map { pages[$0] } }

    /// Whether `url` is built: a page, or a section's index.
    public func exists(_ url: String) -> Bool {
        pageIndex[url] != nil || sections[url] != nil || generated[url] != nil
            || dataFileURLs.contains(url)
    }

    /// Home down to the parent of `url`, each with its title.
    public func breadcrumbs(for url: String) -> [Crumb] {
        var trail: [Crumb] = []
        var current = URLMapping.parent(of: url)
        // Folders that are not pages themselves (such as /news/page/) are passed over.
        while let parent = current {
            if parent == "/" || exists(parent) { trail.append(Crumb(title: title(of: parent), url: parent)) }
            current = URLMapping.parent(of: parent)
        }
        return trail.reversed()
    }

    public func title(of url: String) -> String {
        if url == "/" { return "Home" }
        return generated[url]?.title ?? sections[url]?.title ?? page(at: url)?.page.title ?? url
    }

    /// The newest newsletter on the site.
    public var latestNewsletter: ResolvedPage? {
        pages.compactMap { resolved -> (Day, String, ResolvedPage)? in
            guard case .newsletter(_, let date) = resolved.page.details else { return nil }
            return (date, resolved.page.url, resolved)
        }
        .max { ($0.0, $0.1) < ($1.0, $1.1) }?.2
    }
}
