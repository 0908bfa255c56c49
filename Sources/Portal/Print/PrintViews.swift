/// What a page made from data adds when it is printed: its contents (levels and their
/// courses, say) and an index at the back. A page without one is not printed.
public struct PrintExtras: Sendable {
    var contents: [ContentsEntryView]
    var indexTitle: String?
    var index: [GroupView]

    init(contents: [ContentsEntryView], indexTitle: String? = nil, index: [GroupView] = []) {
        self.contents = contents
        self.indexTitle = indexTitle
        self.index = index
    }
}

/// A page made for paper, filled by `print.mustache` and printed by WeasyPrint: a cover,
/// a contents page with page numbers, the page's content and, for some, an index.
struct PrintView: TemplateView {
    var title: String
    var summary: String
    /// The board: the running header, and the PDF's author.
    var board: String
    var facts: [FactView]
    /// Where the page is on the web, on the cover.
    var webAddress: String
    /// The site's stylesheets, put inside the page: WeasyPrint fetches nothing.
    var style: String
    var contents: [ContentsEntryView]
    var content: String
    var indexTitle: String?
    var index: [GroupView]
}

/// The link to a page's PDF, in the page: `download.mustache`.
struct DownloadView: TemplateView {
    var url: String
    var title: String
    /// "PDF, 600 KB, 14 pages".
    var facts: String
}

/// What a page's content template sees besides its own view: whether it is being printed
/// (to leave out what only a screen needs) and the page's PDF, if it has one.
struct ContentContextView: TemplateView {
    var print: Bool
    var download: DownloadView?
}
