import Foundation

/// A link written somewhere in the input, with where it was written and the address of
/// the page it appears on (relative links are read from there).
public struct LinkToCheck: Sendable {
    public var url: String
    /// The link as written, for messages (a typed reference, before it was resolved).
    public var written: String?
    public var location: SourceLocation
    /// The line it is on, found only when the link turns out to be broken.
    public var source: SourceLine? { sourceFile?.sourceLine(location.line) ?? givenLine }
    private var sourceFile: SourceFile?
    private var givenLine: SourceLine?
    public var base: String
    public var allowRelative: Bool
    /// An image's source (see `BodyLink.isImage`).
    public var isImage = false

    public init(url: String, file: SourceFile, line: Int, column: Int, base: String, allowRelative: Bool) {
        self.url = url
        self.location = SourceLocation(path: file.path, line: line, column: column)
        self.sourceFile = file
        self.base = base
        self.allowRelative = allowRelative
    }

    /// A link given in the settings: always from the top of the site.
    public init(_ reference: Reference) {
        url = reference.target
        location = reference.location
        givenLine = reference.source
        base = "/"
        allowRelative = false
    }

    public init(_ link: BodyLink, in file: SourceFile, base: String) {
        self.init(url: link.url, file: file, line: link.line, column: link.column, base: base, allowRelative: true)
        written = link.written
        isImage = link.isImage
    }
}

/// Checks every link written in the content, in page bodies and in `site.yaml`: an
/// address on this site must be a page (or theme file) that is built, and a `#fragment`
/// must be a heading on that page. Every address first goes through `AddressCheck`.
struct LinkChecker {
    let site: Site
    /// Pages that exist but are not built (drafts, future dates), for a better hint.
    let unpublished: Set<String>
    /// Pages whose files could not be read; their own errors are reported already.
    let unreadable: Set<String>
    /// Folders of pages made from data that has errors (reported already).
    var unreadableFolders: Set<String> = []
    /// Every address, for "did you mean" hints: made once, when the first link is broken.
    private let addresses = Addresses()
    /// The anchors of each page, for hints, made once a link to one is broken.
    private let anchors = SuggestionCache()

    init(site: Site, unpublished: Set<String>, unreadable: Set<String>, unreadableFolders: Set<String> = []) {
        self.site = site
        self.unpublished = unpublished
        self.unreadable = unreadable
        self.unreadableFolders = unreadableFolders
    }

    /// The site's addresses, and the first with each last part, made on first use (by any
    /// of the threads checking links): making them for every broken link was quadratic.
    private final class Addresses: @unchecked Sendable {
        private let lock = NSLock()
        private var made: (all: Suggestions, byLastPart: [Substring: String])?

        func of(_ site: Site) -> (all: Suggestions, byLastPart: [Substring: String]) {
            lock.withLock {
                if let made { return made }
                let all = site.pages.map(\.page.url) + site.sections.keys.sorted()
                var byLastPart: [Substring: String] = [:]
                for url in all {
                    if let last = url.split(separator: "/").last, byLastPart[last] == nil { byLastPart[last] = url }
                }
                made = (Suggestions(all), byLastPart)
                return made!
            }
        }
    }

    /// Checks every link: pages' bodies, the settings' menus and any others given.
    func checkAll(_ others: [LinkToCheck]) -> [Diagnostic] {
        let menus = site.config.navigation + site.config.doors + site.config.footer
            + [site.config.contactsPage, site.config.quickExitHelp]
        // Pages' links on every core, in page order.
        let inPages = parallelMap(site.pages) { resolved in
            check(resolved.body.links.lazy.map { LinkToCheck($0, in: resolved.page.file, base: resolved.page.url) })
        }
        return check(others) + inPages.flatMap { $0 } + check(menus.lazy.map { LinkToCheck($0.url) })
    }

    /// The problems of `links`, in order. A "did you mean" hint searches every address or
    /// heading: it is made for as many broken links of a file as a report shows
    /// (`Diagnostic.shownPerFile`), so a file with thousands costs no more than that.
    private func check(_ links: some Sequence<LinkToCheck>) -> [Diagnostic] {
        var broken: [String: Int] = [:]
        return links.compactMap { link in
            let hints = broken[link.location.path, default: 0] < Diagnostic.shownPerFile
            let problem = check(
                link.url, from: link.base, allowRelative: link.allowRelative, written: link.written, image: link.isImage,
                hints: hints)
            guard let problem else { return nil }
            broken[link.location.path, default: 0] += 1
            return Diagnostic(.error, at: link.location, problem.message, hint: problem.hint, source: link.source)
        }
    }

    struct Problem: Error {
        var message: String
        var hint: String
    }

    /// Why `link`, written on the page at `base`, does not lead anywhere; nil if it does.
    /// An `image`'s source must be one of the site's files.
    func check(
        _ url: String, from base: String, allowRelative: Bool, written: String? = nil, image: Bool = false, hints: Bool = true
    ) -> Problem? {
        let link = url
        let shown = written ?? url
        if link.isEmpty {
            return Problem(
                message: "this link has no address (an unsafe address, such as one starting `javascript:`, is removed)",
                hint: "Write the address in the brackets: [text](/page/) or [text](https://example.org/).")
        }
        switch AddressCheck.check(link) {
        case .failure(let problem): return problem
        case .success(.outside): return nil
        case .success(.onSite): break
        }
        if !allowRelative && !link.hasPrefix("/") {
            return Problem(
                message: "“\(link)” must be an address on this site starting with /, or a full https:// address",
                hint: "Write the page's address from the top of the site, e.g. /parents-carers/.")
        }
        let path: String
        let fragment: String?
        if let simple = Self.plainAddress(link) {
            (path, fragment) = simple
        } else {
            guard let baseURL = URL(string: "https://site.invalid" + base),
                let resolved = URL(string: link, relativeTo: baseURL)
            else {
                return Problem(
                    message: "“\(link)” is not a valid address",
                    hint: "Check for spaces or stray characters; write spaces in an address as %20.")
            }
            path = resolved.path.isEmpty ? "/" : resolved.path + (resolved.hasDirectoryPath && resolved.path != "/" ? "/" : "")
            fragment = resolved.fragment
        }
        if image { return site.assets.contains(path) ? nil : missingImage(path, link: shown, hints: hints) }
        if link.hasPrefix("#") { return checkFragment(fragment ?? "", on: base, as: shown, hints: hints) }

        if site.assets.contains(path) { return nil }
        if unreadable.contains(path) || unreadableFolders.contains(where: { path.hasPrefix($0) }) { return nil }
        guard site.exists(path) else { return missing(path, link: shown, base: base, hints: hints) }
        return fragment.flatMap { checkFragment($0, on: path, as: shown, hints: hints) }
    }

    private func checkFragment(_ fragment: String, on url: String, as link: String, hints: Bool) -> Problem? {
        guard let target = site.page(at: url) else { return nil }
        if fragment.isEmpty || target.body.headingIDs.contains(fragment) || MarkdownCompiler.layoutIDs.contains(fragment) { return nil }
        let headings = target.body.headings
        let known = headings.isEmpty ? "That page has no headings."
            : "Its headings' anchors are: \(headings.prefix(8).map { "#\($0.id)" }.joined(separator: ", "))\(headings.count > 8 ? ", …" : "")."
        let closest = hints ? anchors.suggestions(url) { headings.map(\.id) }.closest(to: fragment) : nil
        let suggestion = closest.map { "Did you mean #\($0)? " } ?? ""
        return Problem(
            message: "\(url) has no heading with the anchor #\(fragment) (in “\(link)”)",
            hint: "\(suggestion)\(known)")
    }

    private func missingImage(_ path: String, link: String, hints: Bool) -> Problem {
        let closest = hints ? anchors.suggestions("assets") { site.assets.sorted() }.closest(to: path) : nil
        let suggestion = closest.map { "Did you mean \($0)? " } ?? ""
        return Problem(
            message: "“\(link)” is an image at \(path), which is not a file of this site",
            hint: suggestion + "Put the image in the theme's assets folder and write its address from the top of the site, e.g. /assets/poster.png.")
    }

    private func missing(_ path: String, link: String, base: String, hints: Bool) -> Problem {
        if !path.hasSuffix("/"), site.exists(path + "/") {
            return Problem(
                message: "“\(link)” leaves off the final slash", hint: "Write \(path)/ (page addresses end with /).")
        }
        if unpublished.contains(path) {
            return Problem(
                message: "“\(link)” leads to a page that is a draft or not yet published",
                hint: "Publish that page first, or remove the link until it is live. Build with --drafts to preview both.")
        }
        // A topic in the list has a hub only once something published has it: say so, rather
        // than suggest another address (such as a training page's).
        if path.hasPrefix(TopicPages.root), let topic = site.topics.first(where: { TopicPages.url($0.id) == path }) {
            return Problem(
                message: "“\(link)” leads to \(path), but the topic “\(topic.title)” has no hub yet: no published page or course has this topic",
                hint: "A topic's hub is made once a published page or course has the topic: give a page `topics: [\(topic.id)]` in its front matter (or a course in courses.yaml), or link to something else until then. Drafts and pages not yet published do not count.")
        }
        let known = addresses.of(site)
        let suggestion = path.split(separator: "/").last.flatMap { known.byLastPart[$0] } ?? (hints ? known.all.closest(to: path) : nil)
        let relative = link.hasPrefix("/") ? "" : "Addresses without a leading / are read from this page's address, \(base). "
        return Problem(
            message: "“\(link)” leads to \(path), which is not a page of this site",
            hint: relative + (suggestion.map { "Did you mean \($0)?" }
                ?? "Check the address against the file's place in Content/: Content/a/b.md is /a/b/."))
    }

    /// Path and fragment of an address from the top of the site written plainly (letters,
    /// digits, `-`, `_`, `.` in names; no `..`, query or escapes), the most common kind,
    /// without Foundation's URL parser; nil for anything else, which goes through it.
    static func plainAddress(_ link: String) -> (path: String, fragment: String?)? {
        let utf8 = link.utf8
        guard utf8.first == UInt8(ascii: "/") else { return nil }
        func plain(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"): true
            default: false
            }
        }
        let hash = utf8.firstIndex(of: UInt8(ascii: "#"))
        let path = link[..<(hash ?? link.endIndex)]
        guard path.utf8.allSatisfy(plain), !path.hasDoubleSlash,
            !path.hasPathSegment({ length, dots in length > 0 && length <= 2 && dots == length })
        else { return nil }
        guard let hash else { return (String(path), nil) }
        let fragment = link[link.utf8.index(after: hash)...]
        guard fragment.utf8.allSatisfy({ plain($0) && $0 != UInt8(ascii: "/") }) else { return nil }
        return (String(path), String(fragment))
    }
}
