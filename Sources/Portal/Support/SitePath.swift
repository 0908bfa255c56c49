/// The one check for values that become part of a file's path in the site. Addresses are
/// checked where they are read, part by part (`isCleanSegment`, with a located error), and
/// the writer checks every path again before it writes or removes anything
/// (`isInsideOutput`), whatever made it: defence in depth against a value that climbs out
/// of the site with `..`.
public enum SitePath {
    /// Whether `segment` can be one part of an address: lower-case letters, digits and
    /// hyphens, not starting with a hyphen (so never `.`, `..`, a slash or a space).
    public static func isCleanSegment(_ segment: some StringProtocol) -> Bool {
        segment.utf8.first.map { $0 != UInt8(ascii: "-") } ?? false && segment.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }

    /// Whether `path` stays inside the folder it is written under: relative, its parts
    /// separated by single slashes, none of them empty, `.` or `..`, with no backslash
    /// (a separator on some hosts) and no control character.
    public static func isInsideOutput(_ path: some StringProtocol) -> Bool {
        guard let first = path.utf8.first, first != UInt8(ascii: "/"),
            !path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") })
        else { return false }
        return !path.hasPathSegment { length, dots in length == 0 || (length <= 2 && dots == length) }
    }
}
