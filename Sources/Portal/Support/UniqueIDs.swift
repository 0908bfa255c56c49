/// Ids given out in turn, each one new: `base`, then `base-2`, `base-3` … once it is taken.
/// The next number to try is kept for each base: twenty thousand headings with the same
/// text once made numbering them quadratic.
///
/// Headings take ids clear of the ids templates write (`MarkdownCompiler`). Views take the
/// ids they make from data (a listing's groups, the months of a calendar, the levels of
/// the brochure) clear of the headings on the same page: an author may link to a heading,
/// and two elements with one id break those links and `aria-labelledby`.
struct UniqueIDs {
    /// Ids taken before: shared as given, never copied (a build's are the same for every page).
    private let taken: Set<String>
    /// Ids given out here.
    private(set) var claimed: Set<String> = []
    private var next: [String: Int] = [:]

    init(taken: Set<String>) {
        self.taken = taken
    }

    private func isFree(_ id: String) -> Bool { !claimed.contains(id) && !taken.contains(id) }

    mutating func claim(_ base: String) -> String {
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
}
