/// Ids a view gives its own parts (a listing's groups, the months of a calendar, the
/// levels of the brochure), kept clear of the headings of the Markdown shown on the same
/// page: an author may link to a heading, and two elements with one id break those links
/// and `aria-labelledby`. (Headings are kept clear of the ids templates write as they are
/// when they are compiled; these ids are made from data, so they yield here.)
struct ViewIDs {
    private var taken: Set<String>

    init(clearOf headings: [Heading]) {
        taken = Set(headings.map(\.id))
    }

    /// `base`, or `base-2`, `base-3` … if taken.
    mutating func claim(_ base: String) -> String {
        var id = base
        var number = 2
        while taken.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        taken.insert(id)
        return id
    }
}
