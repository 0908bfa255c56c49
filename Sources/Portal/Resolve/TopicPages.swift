/// The site's topics (`data/topics.yaml`), one list for pages and training: `/topics/`,
/// an index of every topic, and a hub at `/topics/ID/` for each topic something published
/// uses, listing its pages, policies, newsletters, reports and courses.
public struct TopicPages: PageGenerator {
    public static let root = "/topics/"
    static func url(_ id: String) -> String { "\(root)\(id)/" }

    public let topics: [TrainingCatalogue.Topic]
    /// The training catalogue, whose courses have topics too.
    public let catalogue: TrainingCatalogue?

    public init(topics: [TrainingCatalogue.Topic], catalogue: TrainingCatalogue?) {
        self.topics = topics
        self.catalogue = catalogue
    }

    public var links: [LinkToCheck] { [] }

    struct TopicView: TemplateView {
        var title: String
        var summary: String
        var groups: [GroupView]
    }

    /// The groups of a hub, in this order: kinds of page, then courses.
    static let kinds: [(title: String, id: String, kinds: Set<PageKind>)] = [
        ("Pages", "pages", [.page, .guidance]),
        ("Policies", "policies", [.policy]),
        ("Newsletters", "newsletters", [.newsletter]),
        ("Reports", "reports", [.report]),
    ]

    /// Each topic's groups, those with nothing in them left out.
    func groups(in site: Site) -> [String: [GroupView]] {
        var pages: [String: [Page]] = [:]
        for resolved in site.pages where resolved.page.url != "/" {
            for topic in Set(resolved.page.topics) { pages[topic, default: []].append(resolved.page) }
        }
        let training = catalogue.map(TrainingPages.init)
        var groups: [String: [GroupView]] = [:]
        for topic in topics {
            var found: [GroupView] = Self.kinds.map { group in
                // Newest first where dated, then by title.
                let items = (pages[topic.id] ?? []).filter { group.kinds.contains($0.kind) }.sorted(by: Self.newestFirst)
                return GroupView(title: group.title, id: group.id, summary: nil, items: items.map { Renderer.listItem($0, now: site.now, topics: topics) })
            }
            found.append(GroupView(
                title: "Training courses", id: "courses", summary: nil,
                items: training?.courses { $0.topics.contains(topic.id) } ?? []))
            found.removeAll { $0.items.isEmpty }
            if !found.isEmpty { groups[topic.id] = found }
        }
        return groups
    }

    /// Dated pages newest first, then the undated by title.
    static func newestFirst(_ a: Page, _ b: Page) -> Bool {
        if a.listingDate != b.listingDate {
            guard let first = a.listingDate else { return false }
            guard let second = b.listingDate else { return true }
            return first > second
        }
        return (a.title.lowercased(), a.url) < (b.title.lowercased(), b.url)
    }

    public func pages(in site: Site) -> [GeneratedPage] {
        let groups = groups(in: site)
        let used = topics.filter { groups[$0.id] != nil }
        guard !used.isEmpty else { return [] }
        let summary = "Everything on the website about each safeguarding topic: pages, policies, newsletters, reports and training."
        let index = TopicView(
            title: "Topics", summary: summary,
            groups: [GroupView(
                title: "All topics", id: "all-topics", summary: nil,
                items: used.sorted { $0.title.lowercased() < $1.title.lowercased() }.map {
                    ListItemView(title: $0.title, url: Self.url($0.id), summary: $0.summary, date: nil, label: nil)
                })])
        var made = [GeneratedPage(url: Self.root, title: "Topics", summary: summary, template: "topics", view: index)]
        for topic in used {
            let view = TopicView(title: topic.title, summary: topic.summary, groups: groups[topic.id]!)
            made.append(GeneratedPage(
                url: Self.url(topic.id), title: topic.title, summary: topic.summary, template: "topic", view: view,
                searchFilters: ["topic": [topic.title]]))
        }
        return made
    }

    public func files(in site: Site) -> [OutputFile] { [] }

    /// An error at each topic of a page that is not in the list, with the closest id as a
    /// suggestion. With no list (`topics` nil: topics.yaml could not be read) nothing is
    /// checked, since that file's own errors are reported.
    public static func unknownTopics(of pages: [Page], topics: [TrainingCatalogue.Topic]?) -> [Diagnostic] {
        guard let topics else { return [] }
        let ids = Set(topics.map(\.id))
        let suggestions = Suggestions(topics.map(\.id))
        var problems: [Diagnostic] = []
        for page in pages {
            for (id, location) in zip(page.topics, page.topicLocations) where !ids.contains(id) {
                let suggestion = suggestions.closest(to: id).map { "Did you mean `\($0)`? " } ?? ""
                let list = topics.isEmpty
                    ? "There is no list of topics yet: add one to data/topics.yaml (see docs/CONTENT-FORMAT.md)."
                    : "The topics are listed in data/topics.yaml; add it there if it is a new one."
                problems.append(page.file.error(
                    line: location.line, column: location.column, "there is no topic with the id `\(id)`",
                    hint: suggestion + list))
            }
        }
        return problems
    }
}
