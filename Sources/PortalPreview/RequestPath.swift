/// Maps a request's path to a file inside the served folder. Pure, so the rules that keep
/// the preview inside Site/ can be tested without a server.
public enum RequestPath {
    /// The file for `path` (as FlyingFox gives it: percent-encoded, starting with "/"),
    /// relative to the served folder, or nil if the path is refused.
    ///
    /// Addresses of pages end with "/" and are folders holding index.html, so `/a/b/`
    /// is `a/b/index.html`. Paths are decoded first, so `%2e%2e` is caught as `..`:
    /// any `..` is refused rather than resolved, since no link of the site needs one.
    public static func file(for path: String) -> String? {
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding,
            !decoded.contains("\0")
        else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." { return nil }
            if part != "." { parts.append(part) }
        }
        let isFolder = decoded.hasSuffix("/") || decoded.hasSuffix("/.") || parts.isEmpty
        if isFolder { parts.append("index.html") }
        return parts.joined(separator: "/")
    }
}
