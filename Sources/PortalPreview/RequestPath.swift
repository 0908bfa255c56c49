import Foundation

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

    /// Whether a request's `Host` header names the preview itself. Anything else is refused:
    /// a web page whose own name was pointed at 127.0.0.1 (DNS rebinding) would otherwise
    /// read drafts and the build's status through the reader's browser.
    public static func isPreviewHost(_ host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return false }
        let names = ["127.0.0.1", "localhost"]
        return names.contains { host == "\($0):\(port)" || (port == 80 && host == $0) }
    }

    /// Whether a request's `Origin` (sent by browsers with every WebSocket) is a page of the
    /// preview, or absent (not a browser). A page of any other site could otherwise open
    /// the preview's socket and read the build's errors: sockets are not bound by CORS.
    public static func isPreviewOrigin(_ origin: String?, port: UInt16) -> Bool {
        guard let origin = origin?.lowercased() else { return true }
        guard origin.hasPrefix("http://") else { return false }
        return isPreviewHost(String(origin.dropFirst("http://".count)), port: port)
    }

    /// Where to send a request for a folder without its final slash: the folder's own
    /// address on this site, always starting with a single `/` (never `//host/`, which
    /// a browser would read as another website).
    public static func folderAddress(of relative: String) -> String {
        let encoded = relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
        return "/" + encoded + "/"
    }
}
