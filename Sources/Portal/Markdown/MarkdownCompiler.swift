import CCmark

/// A heading of a page's body, with the anchor it was given.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// A link written in a page's body, kept with its position for checking once every page
/// is known.
public struct BodyLink: Sendable {
    public var url: String
    public var line: Int
    public var column: Int
    /// The link as written, when it differs from `url` (a typed reference).
    public var written: String?
    /// An image's source, which must be a file of the site, not a page.
    public var isImage = false
}

/// A page body turned into HTML, with what later stages need to know about it.
public struct CompiledBody: Sendable {
    public var html: String
    public private(set) var headings: [Heading]
    /// The headings' ids, to check a link's `#anchor` at once on a page with many headings.
    public private(set) var headingIDs: Set<String>
    /// Every id the HTML gives an element: the headings' and those blocks make (a chart's
    /// title and description), which ids made for the same page from data must keep clear of.
    public private(set) var ids: Set<String>
    public var links: [BodyLink]
    public var diagnostics: [Diagnostic]
    /// Files in Content/data/ that blocks in the text read (tables).
    public var usedData: Set<String> = []
    /// The text as plain text, when asked for (newsletters, for email).
    public var plainText: String?
    /// Whether the HTML or problems depend on more than the page's own file: blocks made
    /// from data, typed links (`page:`, `course:` …), the site's address. Only pages without
    /// them are reused unchanged by the preview after an edit elsewhere (`PageCache`).
    public var usesContext = false
    /// How hard the text is to read, when asked for (pages with a reading target).
    public var reading: ReadingMeasures?

    public init(
        html: String = "", headings: [Heading] = [], ids: Set<String> = [], links: [BodyLink] = [], diagnostics: [Diagnostic] = [],
        usedData: Set<String> = [], plainText: String? = nil, usesContext: Bool = false, reading: ReadingMeasures? = nil
    ) {
        self.html = html
        self.headings = headings
        headingIDs = Set(headings.map(\.id))
        self.ids = headingIDs.union(ids)
        self.links = links
        self.diagnostics = diagnostics
        self.usedData = usedData
        self.plainText = plainText
        self.usesContext = usesContext
        self.reading = reading
    }
}

/// Markdown → HTML through cmark, with the edits cmark cannot do on its own: stable
/// heading ids, and checks that need the source position (a second level-one heading).
public enum MarkdownCompiler {
    /// Ids the layout puts on every page, so links may point at them.
    static let layoutIDs: Set<String> = ["main-content", "worried-heading"]
    /// Ids the layout and page templates use, which a heading must not take, when no theme
    /// says more: a build passes every id its theme's templates write (`Theme.ids`).
    public static let reservedIDs: Set<String> = layoutIDs.union(["contents", "related", "mentioned-in", "other-formats"])

    /// `firstLine` is the file line where `markdown` starts, so positions count from the
    /// top of the file, front matter included.
    /// `indent` is how far the text is indented in the file (Markdown inside YAML).
    /// `measureReading` measures how hard the text is to read, from the tree parsed here.
    public static func compile(
        _ markdown: String, in file: SourceFile, firstLine: Int, indent: Int = 0, blocks: [any FencedBlockRenderer] = [],
        references: ReferenceIndex? = nil, plainTextBase: String? = nil, reservedIDs: Set<String> = reservedIDs,
        glossary: GlossaryLinks? = nil, measureReading: Bool = false
    ) -> CompiledBody {
        let document = CMarkDocument(markdown: markdown)
        // Before the edits below, which put HTML in place of blocks and headings.
        let reading = measureReading ? ReadingMeasures.measure(document, firstLine: firstLine) : nil
        var diagnostics: [Diagnostic] = []
        var links: [BodyLink] = []
        var headings: [Heading] = []
        var ids = UniqueIDs(taken: reservedIDs)
        var usedData: Set<String> = []
        var usesContext = plainTextBase != nil

        // Positions in the file: cmark's lines from the body's first line, and its byte
        // columns as characters, counted on from the last one asked for (`ColumnCounter`).
        var columns = ColumnCounter(file: file)
        func located(_ start: (line: Int, column: Int)) -> (line: Int, column: Int) {
            let line = start.line + firstLine - 1
            return (line, columns.column(line: line, byteColumn: start.column + indent))
        }
        func position(_ node: CMarkNode) -> (line: Int, column: Int) {
            located(node.startLine > 0 ? (node.startLine, node.startColumn) : (1, 1))
        }

        // One walk finds what the edits below need; the tree is edited only after it. It
        // keeps, for the nodes it is inside, where the nearest with a position starts (inline
        // nodes may have none), and whether each image around has any text (its alt text):
        // looking either up for every node made deep nesting quadratic.
        var linkNodes: [CMarkNode] = []
        var codeBlocks: [CMarkNode] = []
        var headingNodes: [CMarkNode] = []
        var starts: [(line: Int, column: Int)] = [(1, 1)]
        var images: [(hasText: Bool, at: (line: Int, column: Int))] = []
        document.walk { node, entering in
            let type = node.type
            guard entering else {
                starts.removeLast()
                if type == CMARK_NODE_IMAGE, let image = images.popLast() {
                    if !image.hasText {
                        diagnostics.append(file.error(
                            line: image.at.line, column: image.at.column, "this image has no description (alt text)",
                            hint: "Say what the image shows, for people who cannot see it, inside the brackets: ![A poster of the safe sleep campaign](poster.png)."))
                    }
                    if image.hasText, !images.isEmpty { images[images.count - 1].hasText = true }
                }
                return
            }
            let start = node.startLine > 0 ? (node.startLine, node.startColumn) : starts[starts.count - 1]
            if node.isContainer { starts.append(start) }
            switch type {
            case CMARK_NODE_LINK: linkNodes.append(node)
            case CMARK_NODE_CODE_BLOCK: codeBlocks.append(node)
            case CMARK_NODE_HEADING: headingNodes.append(node)
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if !images.isEmpty, !images[images.count - 1].hasText, !(node.literal ?? "").trimmingWhitespace().isEmpty {
                    images[images.count - 1].hasText = true
                }
            case CMARK_NODE_IMAGE:
                let at = located(start)
                images.append((false, at))
                if let url = node.url, !isSafeImage(url) {
                    diagnostics.append(file.error(
                        line: at.line, column: at.column, "images can only come from this site or an https:// address",
                        hint: "Put the image in the theme's assets and write its address from the top of the site, e.g. /assets/poster.png."))
                } else if let url = node.url {
                    // Checked like a link once the site's files are known.
                    links.append(BodyLink(url: url, line: at.line, column: at.column, isImage: true))
                }
            default: break
            }
            if type == CMARK_NODE_LINK, let url = node.url {
                let (line, column) = located(start)
                switch references?.resolve(url, hints: diagnostics.count < Diagnostic.shownPerFile) ?? .untyped {
                case .untyped:
                    links.append(BodyLink(url: url, line: line, column: column))
                case .address(let address):
                    usesContext = true
                    node.setURL(address)
                    links.append(BodyLink(url: address, line: line, column: column, written: url))
                case .problem(let message, let hint):
                    usesContext = true
                    diagnostics.append(file.error(line: line, column: column, message, hint: hint))
                case .dependsOnAMistake:
                    usesContext = true
                }
            }
        }

        // Terms linked to the glossary before the edits below: they only split text nodes
        // and wrap some, leaving the nodes found above where they are.
        if let glossary { diagnostics += glossary.apply(to: document, file: file, firstLine: firstLine) }

        // Links to other sites open with rel="noopener": the other site gets no handle on this
        // page. Their address is escaped as cmark escapes the links it writes itself.
        for node in linkNodes {
            guard let url = node.url, AddressCheck.isOutsideWeb(url) else { continue }
            let title = node.title.flatMap { $0.isEmpty ? nil : " title=\"\(escapeAttribute($0))\"" } ?? ""
            node.wrapChildren(open: "<a href=\"\(url.escapedForHref)\"\(title) rel=\"noopener\">", close: "</a>")
        }

        // Headings take their ids first, so that a heading's anchor does not change when a
        // chart is added above it; blocks then claim theirs clear of every heading's.
        for node in headingNodes {
            let level = node.headingLevel
            let text = node.plainText.trimmingWhitespace()
            if level == 1 {
                let (line, column) = position(node)
                diagnostics.append(file.error(
                    line: line, column: column, "a page's text cannot have a top-level (`#`) heading",
                    hint: "The page's title is its only top-level heading. Use `##` for sections and `###` for parts of them."))
            }
            let written = slug(text)
            let id = ids.claim(written.isEmpty ? "section" : written)
            headings.append(Heading(level: level, text: text, id: id))
            node.wrapChildren(open: "<h\(level) id=\"\(id)\">", close: "</h\(level)>")
        }

        for node in codeBlocks {
            let info = (node.fenceInfo ?? "").split(separator: " ").first.map(String.init) ?? ""
            guard let renderer = blocks.first(where: { $0.infoStrings.contains(info) }) else { continue }
            usesContext = true
            let (line, _) = position(node)
            let output = renderer.render(info: info, body: node.literal ?? "", file: file, firstLine: line + 1, ids: &ids)
            diagnostics += output.problems
            usedData.formUnion(output.uses)
            if let html = output.html { node.replace(withHTML: html) }
        }

        return CompiledBody(
            html: document.html(), headings: headings, ids: ids.claimed, links: links, diagnostics: diagnostics, usedData: usedData,
            plainText: plainTextBase.map { PlainText.render(document, base: $0) }, usesContext: usesContext, reading: reading)
    }

    /// An image address that is safe to show: on this site, or https.
    static func isSafeImage(_ url: String) -> Bool {
        switch AddressCheck.check(url) {
        case .success(.onSite), .success(.outside(scheme: "https")): true
        default: false
        }
    }

    /// Text for an HTML attribute value in double quotes.
    static func escapeAttribute(_ text: String) -> String { SiteFiles.escape(text) }

    /// cmark counts columns in bytes; people (and YAML) count characters. Positions are
    /// asked for in the order of the text, so counting goes on from the last one on the same
    /// line: a line holding forty thousand links is read once, not once a link.
    struct ColumnCounter {
        let file: SourceFile
        private var line = 0
        private var byte = 1
        private var column = 1

        init(file: SourceFile) { self.file = file }

        mutating func column(line: Int, byteColumn: Int) -> Int {
            guard let source = file.sourceLine(line) else { return max(1, byteColumn) }
            let target = min(max(1, byteColumn), source.end - source.start + 1)
            if line != self.line || target < byte { (self.line, byte, column) = (line, 1, 1) }
            column += source.scalars(fromByte: byte, to: target)
            byte = target
            return column
        }
    }
}

import Foundation
