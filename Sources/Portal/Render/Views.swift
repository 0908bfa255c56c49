/// View models: exactly what templates show, computed here so templates stay logic-less.
/// Property names are the names templates use. Only stored properties reach a template
/// (through `Encodable`); test for an empty list with `{{^empty(list)}}`.

struct LinkView: TemplateView {
    var title: String
    var url: String
    var text: String?
    /// Another website's address: templates give such links `rel="noopener"`.
    var outside: Bool

    init(title: String, url: String, text: String? = nil) {
        self.title = title
        self.url = url
        self.text = text
        outside = AddressCheck.isOutsideWeb(url)
    }
}

struct NavItemView: TemplateView {
    var title: String
    var url: String
    /// The link is this page.
    var current: Bool
    /// The page is inside this link's section.
    var active: Bool
    /// Another website's address (`rel="noopener"`).
    var outside: Bool
}

struct ContactView: TemplateView {
    var label: String
    var phone: String
    /// None while the number is a placeholder.
    var tel: String?
}

struct DateView: TemplateView {
    var iso: String
    var text: String

    init(_ day: Day) {
        iso = day.iso
        text = day.long
    }
}

/// One row of a summary list (GOV.UK `<dl>`): a date, a link or plain text.
struct FactView: TemplateView {
    var label: String
    var text: String
    var date: DateView?
    var url: String?
}

struct ContentsEntryView: TemplateView {
    var text: String
    var id: String
    var children: [ContentsEntryView]
}

struct ListItemView: TemplateView {
    var title: String
    var url: String
    var summary: String?
    var date: DateView?
    var label: String?
}

/// The frame of every page, filled by `layout.mustache`: what differs from page to page.
/// Names it does not have are looked up in `SiteLayoutView`, the same for every page.
struct LayoutView: TemplateView {
    var title: String
    var description: String
    var canonical: String
    var navigation: [NavItemView]
    var breadcrumbs: [LinkView]
    var sensitive: Bool
    var kind: String
    /// Whether Pagefind indexes the page (not the search page or 404.html).
    var searchable: Bool
    /// The search page itself, which loads Pagefind's files.
    var isSearch: Bool
    var searchFilters: [SearchFilterView]
    var content: String
}

/// The part of the layout every page shares, made into template values once a build.
struct SiteLayoutView: TemplateView {
    var siteName: String
    var siteShortName: String
    var logo: ImageView?
    /// The footer's: the board's legal name and registered address.
    var legalName: String
    var address: String?
    var contacts: [ContactView]
    var contactsPage: String
    /// The settings may name another website for these two (`rel="noopener"`).
    var contactsPageOutside: Bool
    var footer: [LinkView]
    var quickExit: String
    var quickExitHelp: String
    var quickExitHelpOutside: Bool
    var feeds: [LinkView]
    /// Whether the site has a search index, for the search page's scripts.
    var searchIndex: Bool
}

/// An image with its text alternative and size (so the page does not jump as it loads).
struct ImageView: TemplateView {
    var url: String
    var alt: String
    var width: Int?
    var height: Int?
}

/// One value of a search filter, as `data-pagefind-filter`.
struct SearchFilterView: TemplateView {
    var name: String
    var value: String
}

/// A content page, filled by `page.mustache` (or a kind's own template).
struct PageView: TemplateView {
    var title: String
    var summary: String
    var kind: String
    var tags: [String]
    /// Links to the hubs of its topics.
    var topics: [TopicLinkView]
    var facts: [FactView]
    var contents: [ContentsEntryView]
    var body: String
    var related: [LinkView]
    var emailVersions: [LinkView]
    var mentionedIn: [LinkView]
}

/// A link to a topic's hub, in a line of them: the last has no comma after it.
struct TopicLinkView: TemplateView {
    var title: String
    var url: String
    var last: Bool
}

/// A group of a list, with a heading when there is more than one.
struct ListGroupView: TemplateView {
    var title: String?
    var id: String
    var items: [ListItemView]
}

/// A page of a list in its pagination, or a gap (an ellipsis) for pages left out.
struct PageLinkView: TemplateView {
    var number: Int?
    var url: String?
    var current: Bool
    var gap = false
}

/// GOV.UK list pagination: previous, numbered pages, next.
struct PaginationView: TemplateView {
    var previous: String?
    var next: String?
    var pages: [PageLinkView]
}

/// A section's index, filled by `section.mustache`.
struct SectionView: TemplateView {
    var title: String
    var summary: String?
    var intro: String
    /// Folders inside and pages made from data, on the first page only.
    var sections: [ListItemView]
    var groups: [ListGroupView]
    var pagination: PaginationView?
}

/// The home page, filled by `home.mustache`.
struct HomeView: TemplateView {
    var title: String
    var summary: String
    var intro: String
    var doors: [LinkView]
    var latestNewsletter: ListItemView?
}

/// The page for an address that does not exist: `not-found.mustache`, written to 404.html.
struct NotFoundView: TemplateView {
    var title: String
    var contactsPage: String
    var contactsPageOutside: Bool
}
