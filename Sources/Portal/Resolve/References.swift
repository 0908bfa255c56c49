/// Typed references, written `[text](policy:threshold-document#levels-of-need)`: what
/// each id stands for, known before any page's text is compiled, so a link is rewritten
/// (and a wrong one reported) exactly where it was written. A typed link keeps working when
/// a page moves; a misspelt one never reaches the site.
public struct ReferenceIndex: Sendable {
    public static let kinds = ["page", "policy", "newsletter", "report", "course", "level", "topic", "role"]

    /// Written pages by content path without `.md` (`parents-carers/private-fostering`).
    private var pagePaths: [String: String] = [:]
    /// For `policy:`, `newsletter:` and `report:`: id → the addresses of pages with that id.
    private var byKind: [String: [String: [String]]] = [:]
    /// Content paths (without `.md`) of pages whose front matter could not be read: their
    /// own errors are reported, so a reference to one is not reported again.
    private var unreadable: Set<String> = []
    /// Their file names, which `policy:`, `newsletter:` and `report:` use.
    private var unreadableNames: Set<String> = []
    /// Training ids by kind (`course`, `level`, `role`), as declared in the data.
    private var training: [String: Set<String>] = [:]
    /// The ids of the site's topics (`data/topics.yaml`, with or without training data); nil
    /// until the list is read.
    private var topics: Set<String>?
    /// Whether the list of topics has mistakes (or could not be read): an id missing from
    /// it may be one the mistake hid, so it is not reported again.
    private var topicsWithErrors = false
    /// Kinds of training data with mistakes: an id missing from them may be one the
    /// mistake hid, so it is not reported again.
    private var trainingWithErrors: Set<String> = []
    /// "Did you mean" candidates for each kind, made once a kind has a wrong reference.
    private var hints = SuggestionCache()

    /// `unreadable` lists the content paths of pages that could not be read.
    public init(pages: [Page], unreadable: [String] = []) {
        for page in pages {
            let path = Self.contentPath(page.file.relativePath)
            pagePaths[path] = page.url
            let name = String(path.split(separator: "/").last ?? "")
            switch page.details {
            case .policy: byKind["policy", default: [:]][name, default: []].append(page.url)
            case .report: byKind["report", default: [:]][name, default: []].append(page.url)
            case .newsletter(let issue, _):
                byKind["newsletter", default: [:]][name, default: []].append(page.url)
                byKind["newsletter", default: [:]][String(issue), default: []].append(page.url)
            case .page, .guidance: break
            }
        }
        for file in unreadable {
            let path = Self.contentPath(file)
            self.unreadable.insert(path)
            unreadableNames.insert(String(path.split(separator: "/").last ?? ""))
        }
    }

    /// `parents-carers/index.md` → `parents-carers`.
    private static func contentPath(_ relativePath: String) -> String {
        var path = relativePath.hasSuffix(".md") ? String(relativePath.dropLast(".md".count)) : relativePath
        if path == "index" { path = "" }
        if path.hasSuffix("/index") { path = String(path.dropLast("/index".count)) }
        return path
    }

    /// The training ids the data declares, by kind; `withErrors` names the kinds whose
    /// files have mistakes.
    public mutating func addTraining(_ ids: [String: Set<String>], withErrors: Set<String>) {
        training = ids
        trainingWithErrors = withErrors
        hints = SuggestionCache()
    }

    /// The ids of the site's topics, which `topic:` links to the hubs of.
    public mutating func addTopics(_ ids: Set<String>, withErrors: Bool) {
        topics = ids
        topicsWithErrors = withErrors
        hints = SuggestionCache()
    }

    /// Whether the list of topics was given (`addTopics`).
    public var knowsTopics: Bool { topics != nil }

    public enum Resolution: Equatable {
        /// Not a typed reference: an ordinary address, left to the link checker.
        case untyped
        case address(String)
        case problem(message: String, hint: String)
        /// It names something whose own mistake is reported already: nothing more is said.
        case dependsOnAMistake
    }

    /// Without `hints`, a wrong reference's hint does not search for the nearest id (see
    /// `LinkChecker`: a file's many mistakes cost no more than those a report shows).
    public func resolve(_ link: String, hints: Bool = true) -> Resolution {
        guard let colon = link.utf8.firstIndex(of: UInt8(ascii: ":")) else { return .untyped }
        let kind = String(link[..<colon])
        guard Self.kinds.contains(kind) else { return .untyped }
        var id = String(link[link.index(after: colon)...])
        var fragment = ""
        if let hash = id.firstIndex(of: "#") {
            fragment = String(id[hash...])
            id = String(id[..<hash])
        }
        id = id.trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        switch kind {
        case "page":
            guard let url = pagePaths[id] else {
                if unreadable.contains(id) { return .dependsOnAMistake }
                return .problem(
                    message: "there is no page “\(id)” (in “\(link)”)",
                    hint: suggest(id, kind, searching: hints) { pagePaths.keys.sorted() } + "Write the page's path inside Content/ without .md, e.g. page:parents-carers/private-fostering.")
            }
            return .address(url + fragment)
        case "policy", "newsletter", "report":
            let known = byKind[kind] ?? [:]
            guard let urls = known[id] else {
                if unreadableNames.contains(id) { return .dependsOnAMistake }
                return .problem(
                    message: "there is no \(kind) “\(id)” (in “\(link)”)",
                    hint: suggest(id, kind, searching: hints) { known.keys.sorted() } + "Use the \(kind)'s file name without .md\(kind == "newsletter" ? ", or its issue number" : "").")
            }
            guard urls.count == 1 else {
                return .problem(
                    message: "“\(id)” names more than one \(kind): \(urls.sorted().joined(separator: ", "))",
                    hint: "Link with page: and the page's full path instead.")
            }
            return .address(urls[0] + fragment)
        case "topic":
            // Every topic in the list: one that nothing published uses yet has no hub, which
            // the link checker reports at the link (`LinkChecker.missing`).
            return declared(
                id, kind, in: topics ?? [], withErrors: topicsWithErrors, link: link, hints: hints,
                none: ("list of topics", "the topics to Content/data/topics.yaml"), address: TopicPages.url(id) + fragment)
        default:
            let folder = ["course": "courses", "level": "levels", "role": "roles"][kind]!
            return declared(
                id, kind, in: training[kind] ?? [], withErrors: trainingWithErrors.contains(kind), link: link, hints: hints,
                none: training.isEmpty ? ("training data", "the training data files to Content/data/") : nil,
                address: "\(TrainingPages.root)\(folder)/\(id)/" + fragment)
        }
    }

    /// An id the data declares: its address, or what is wrong. `none`, when there are no
    /// ids at all: what would hold them, and what to add.
    private func declared(
        _ id: String, _ kind: String, in ids: Set<String>, withErrors: Bool, link: String, hints: Bool,
        none: (what: String, add: String)?, address: String
    ) -> Resolution {
        if ids.contains(id) { return .address(address) }
        if withErrors { return .dependsOnAMistake }
        let file = kind == "level" ? "levels.yaml" : kind + "s.yaml"
        if let none, ids.isEmpty {
            return .problem(
                message: "there is no \(none.what) for “\(link)”",
                hint: "Add \(none.add) (see docs/CONTENT-FORMAT.md), or link to a page instead.")
        }
        return .problem(
            message: "there is no \(kind) with the id “\(id)” (in “\(link)”)",
            hint: suggest(id, kind, searching: hints) { ids.sorted() } + "The ids are in Content/data/\(file).")
    }

    private func suggest(_ id: String, _ kind: String, searching: Bool, _ candidates: () -> [String]) -> String {
        guard searching else { return "" }
        return hints.suggestions(kind, candidates).closest(to: id).map { "Did you mean “\($0)”? " } ?? ""
    }
}

import Foundation
