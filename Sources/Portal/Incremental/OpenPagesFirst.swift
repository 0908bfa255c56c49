/// The preview's pages open in a browser, written before the rest of a rebuild: once they
/// are written, `written` is called (the preview then tells those pages to reload) while
/// the other pages are still being made. Changing a template or a data file at 10,000
/// pages rewrites every page; the reader waits only for the one in front of them.
public struct OpenPagesFirst: Sendable {
    /// Addresses of the open pages, as the site writes them ("/parents-carers/").
    public var urls: Set<String>
    public var written: @Sendable () -> Void

    public init(urls: Set<String>, written: @escaping @Sendable () -> Void) {
        self.urls = urls
        self.written = written
    }

    /// `urls` with the open ones first, each part in its order, and how many are open.
    func ordered(_ all: [String]) -> (urls: [String], open: Int) {
        let open = all.filter(urls.contains)
        return (open + all.filter { !urls.contains($0) }, open.count)
    }
}
