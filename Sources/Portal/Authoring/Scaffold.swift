import Foundation

/// `portal new`: a new page file with complete front matter, as a draft, in the right
/// place with the right name, so the communications officer starts from something that
/// already builds.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case newsletter, page, policy
    }

    public struct Created: Sendable, Equatable {
        /// The path inside the content folder.
        public var relativePath: String
        public var text: String
        public var issue: Int?
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case badFolder(String)
        case emptyTitle

        public var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; nothing was changed. Choose another title, or edit that file."
            case .badFolder(let folder): "“\(folder)” cannot be a folder of the site: use lower-case letters, digits, hyphens and / only."
            case .emptyTitle: "Give the new page a title in quotes, e.g. portal new page \"Safer sleep\"."
            }
        }
    }

    /// The default folder of each kind, inside the content folder.
    public static func defaultFolder(_ kind: Kind) -> String {
        switch kind {
        case .newsletter: "publications/newsletters"
        case .policy: "professionals/policies"
        case .page: ""
        }
    }

    /// Writes nothing: says what `create` would write, for `today` and the pages already there.
    /// `owner` is who owns a new policy: the site's `short_name`.
    public static func plan(
        _ kind: Kind, title: String, folder: String?, today: Day, existing pages: [Page], owner: String, contentRoot: String
    ) throws(Failure) -> Created {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw .emptyTitle }
        let folder = (folder ?? defaultFolder(kind)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard folder.isEmpty || folder.split(separator: "/").allSatisfy({ SitePath.isCleanSegment($0) }) else {
            throw .badFolder(folder)
        }
        let quotedTitle = yamlQuoted(title)
        let text: String
        var name = slug(title)
        var issue: Int?
        switch kind {
        case .newsletter:
            let next = (pages.compactMap { page -> Int? in
                if case .newsletter(let number, _) = page.details { return number }
                return nil
            }.max() ?? 0) + 1
            issue = next
            name = "\(today.iso.prefix(7))-issue-\(next)"
            text = """
                ---
                kind: newsletter
                title: \(quotedTitle)
                summary: Write one or two sentences saying what is in this issue.
                issue: \(next)
                date: \(today.iso)
                draft: true
                related: []
                ---

                A short welcome: what the board discussed at its last meeting.

                ## First article

                Write the article here. Link to pages of the site by their address, like
                [the home page](/), to a page by its file, written `[text](page:parents-carers/private-fostering)`,
                or to a course by its id, written `[text](course:safeguarding-level-2)`.

                ## Second article

                Another article.

                """
        case .policy:
            let review = Day(year: today.year + 1, month: today.month, day: min(today.day, 28))!
            text = """
                ---
                kind: policy
                title: \(quotedTitle)
                summary: Write one or two sentences saying what this policy is for.
                owner: \(yamlQuoted(owner))
                version: "0.1"
                approved: \(today.iso)
                review: \(review.iso)
                status: draft
                draft: true
                ---

                ## Purpose

                Why the policy exists and who it is for.

                ## Key points

                - The first point.

                ## Contact

                Who to contact with questions.

                """
        case .page:
            text = """
                ---
                kind: page
                title: \(quotedTitle)
                summary: Write one or two plain sentences saying what this page is about.
                updated: \(today.iso)
                draft: true
                ---

                Write the page here. Use ## for headings.

                """
        }
        guard !name.isEmpty else { throw .emptyTitle }
        let relativePath = (folder.isEmpty ? "" : folder + "/") + name + ".md"
        if FileManager.default.fileExists(atPath: "\(contentRoot)/\(relativePath)") {
            throw .exists("\(contentRoot)/\(relativePath)")
        }
        return Created(relativePath: relativePath, text: text, issue: issue)
    }

    /// A title (or any one-line text) as a YAML value: quoted when it holds anything YAML
    /// would read differently, or starts with what YAML reads as a quote, tag or key.
    static func yamlQuoted(_ title: String) -> String {
        let plain = title.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || " -,.()’'?!".unicodeScalars.contains($0) }
            && !title.hasPrefix("-") && !title.hasPrefix("'") && !title.hasPrefix("!") && !title.hasPrefix("?")
        return plain ? title : "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
