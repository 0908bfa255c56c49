/// Ids given out in turn, each one new: `base`, then `base-2`, `base-3` … once it is taken.
/// The next number to try is kept for each base: twenty thousand headings with the same
/// text once made numbering them quadratic.
///
/// Headings take ids clear of the ids templates write (`MarkdownCompiler`). Views take the
/// ids they make from data (a listing's groups, the months of a calendar, the levels of
/// the brochure) clear of the headings on the same page: an author may link to a heading,
/// and two elements with one id break those links and `aria-labelledby`. Blocks in a page's
/// text (a chart's title, description and patterns) claim theirs after its headings, from
/// the same `UniqueIDs`.
public struct UniqueIDs {
    /// Ids taken before: shared as given, never copied (a build's are the same for every page).
    private let taken: Set<String>
    /// Ids given out here.
    private(set) var claimed: Set<String> = []
    private var next: [String: Int] = [:]

    public init(taken: Set<String>) {
        self.taken = taken
    }

    private func isFree(_ id: String) -> Bool { !claimed.contains(id) && !taken.contains(id) }

    public mutating func claim(_ base: String) -> String {
        guard !isFree(base) else {
            claimed.insert(base)
            return base
        }
        var number = next[base] ?? 2
        while !isFree("\(base)-\(number)") { number += 1 }
        next[base] = number + 1
        let id = "\(base)-\(number)"
        claimed.insert(id)
        return id
    }

    /// A base id that is free, and free with each of `suffixes` after it and a hyphen, all of
    /// them claimed: for an element whose ids are made from one (`chart-8-title`,
    /// `chart-8-desc`), clear of a heading that would take any of them (“Chart 8 title”).
    public mutating func claim(_ base: String, suffixes: [String]) -> String {
        func allFree(_ base: String) -> Bool { isFree(base) && suffixes.allSatisfy { isFree("\(base)-\($0)") } }
        var id = base
        if !allFree(base) {
            var number = next[base] ?? 2
            while !allFree("\(base)-\(number)") { number += 1 }
            next[base] = number + 1
            id = "\(base)-\(number)"
        }
        claimed.insert(id)
        for suffix in suffixes { claimed.insert("\(id)-\(suffix)") }
        return id
    }
}
