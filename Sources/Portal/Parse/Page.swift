/// The kinds of page an author can write. Each has its own fields (see `PageParser`).
public enum PageKind: String, CaseIterable, Sendable {
    case page, guidance, policy, newsletter, report
}

public enum Audience: String, CaseIterable, Sendable {
    case parentsCarers = "parents-carers"
    case professionals
    case youngPeople = "young-people"
    case communities

    public var title: String {
        switch self {
        case .parentsCarers: "Parents and carers"
        case .professionals: "Professionals"
        case .youngPeople: "Young people"
        case .communities: "Communities"
        }
    }
}

public enum PolicyStatus: String, CaseIterable, Sendable {
    case current, draft, superseded

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// A reference written in one file to something elsewhere, kept with its position so a
/// dangling one is reported where it was written.
public struct Reference: Sendable, Hashable {
    public var target: String
    public var location: SourceLocation
    public var source: SourceLine?
}

/// The fields only some kinds have.
public enum PageDetails: Sendable {
    case page
    case guidance(audiences: [Audience])
    case policy(Policy)
    case newsletter(issue: Int, date: Day)
    case report(period: String, published: Day)

    public struct Policy: Sendable {
        public var owner: String
        public var version: String
        public var approved: Day
        public var review: Day
        public var status: PolicyStatus
        /// The content path (without `.md`) of the policy this one replaces.
        public var supersedes: String?
    }
}

/// One page as written: its front matter read into typed fields, and its Markdown body.
public struct Page: Sendable {
    public var file: SourceFile
    /// The page's address, e.g. `/parents-carers/private-fostering/`.
    public var url: String
    public var title: String
    public var summary: String
    public var details: PageDetails
    public var draft: Bool
    /// The page needs the quick exit: a reader may be at risk if seen reading it.
    public var isSensitive: Bool
    public var publish: Day?
    public var updated: Day?
    /// Its topics, by their ids in `data/topics.yaml`.
    public var topics: [String]
    /// Where each of `topics` is written, for an unknown one.
    public var topicLocations: [SourceLocation]
    /// Pages to show under "Related": typed references or addresses, with where each was written.
    public var related: [Reference]
    public var body: String
    public var bodyFirstLine: Int
    /// Where each front-matter field was written, for checks made after reading.
    public var fieldLocations: [String: SourceLocation]

    /// A problem with front-matter field `field`, pointing at it.
    public func error(at field: String, _ message: String, hint: String? = nil) -> Diagnostic {
        let location = fieldLocations[field] ?? SourceLocation(path: file.path, line: 1, column: 1)
        return file.error(line: location.line, column: location.column, message, hint: hint)
    }

    public var kind: PageKind {
        switch details {
        case .page: .page
        case .guidance: .guidance
        case .policy: .policy
        case .newsletter: .newsletter
        case .report: .report
        }
    }

    /// The date a listing sorts by, newest first; pages without one list by title.
    public var listingDate: Day? {
        switch details {
        case .newsletter(_, let date): date
        case .report(_, let published): published
        case .policy(let policy): policy.approved
        case .page, .guidance: nil
        }
    }


    /// Whether the page belongs on a site built for `now`.
    public func isPublished(now: Day) -> Bool {
        !draft && (publish.map { $0 <= now } ?? true)
    }
}
