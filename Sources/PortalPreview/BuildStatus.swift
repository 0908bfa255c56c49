import Portal

/// What the open pages learn from `/__portal/status`: whether to reload, and the errors
/// to show when the latest build failed.
public struct BuildStatus: Codable, Sendable, Equatable {
    /// One error as the overlay shows it.
    public struct Problem: Codable, Sendable, Equatable {
        /// "Content/index.md:2:8", as in the terminal report.
        public var location: String
        public var message: String
        public var hint: String?

        public init(location: String, message: String, hint: String? = nil) {
            self.location = location
            self.message = message
            self.hint = hint
        }

        init(_ diagnostic: Diagnostic) {
            let at = diagnostic.location
            var location = at.path
            if at.line > 0 { location += ":\(at.line)" + (at.column > 0 ? ":\(at.column)" : "") }
            self.init(location: location, message: diagnostic.message, hint: diagnostic.hint)
        }
    }

    /// Builds tried so far, counting the first.
    public var build: Int
    /// The number of the build now served (the last that succeeded); 0 before any did.
    /// Pages reload when it changes.
    public var site: Int
    /// Whether the latest build succeeded.
    public var ok: Bool
    /// The latest build's errors, sorted as in the terminal; empty when it succeeded.
    public var errors: [Problem]
    /// The reading figures of the pages the latest successful build was made after an edit
    /// to; empty after the first build and after one that failed.
    public var reading: [Reading] = []

    /// One edited page's reading figures, as the box under the page shows them.
    public struct Reading: Codable, Sendable, Equatable {
        /// "Content/parents-carers/private-fostering.md"
        public var path: String
        public var title: String
        /// "grade 7.4 (target: 8 or lower), …: within the target for parents and carers"
        public var figures: String
        public var overTarget: Bool

        public init(path: String, title: String, figures: String, overTarget: Bool) {
            self.path = path
            self.title = title
            self.figures = figures
            self.overTarget = overTarget
        }

        init(_ reading: PageReading) {
            self.init(path: reading.path, title: reading.title, figures: reading.summary, overTarget: reading.isOverTarget)
        }
    }

    public static let initial = BuildStatus(build: 0, site: 0, ok: true, errors: [])
}

/// The one shared, changing value of the preview: written after each build, read by every
/// request, and pushed to every open page as it changes.
actor StatusBoard {
    private(set) var status = BuildStatus.initial
    /// Open pages' streams of statuses, with the address of each page.
    private var watchers: [Int: (continuation: AsyncStream<BuildStatus>.Continuation, page: String?)] = [:]
    private var nextWatcher = 0
    /// Whether the build under way has told the open pages to reload already.
    private var shownEarly = false

    /// The addresses of the pages open in a browser.
    var openPages: Set<String> { Set(watchers.values.compactMap(\.page)) }

    /// The open pages are written: they reload now, while the build goes on with the rest.
    func openPagesWritten() {
        publish(BuildStatus(build: status.build + 1, site: status.build + 1, ok: true, errors: []))
        shownEarly = true
    }

    func succeeded(reading: [BuildStatus.Reading] = []) {
        let build = shownEarly ? status.build : status.build + 1
        shownEarly = false
        publish(BuildStatus(build: build, site: build, ok: true, errors: [], reading: reading))
    }

    func failed(_ errors: [BuildStatus.Problem]) {
        shownEarly = false
        publish(BuildStatus(build: status.build + 1, site: status.site, ok: false, errors: errors))
    }

    private func publish(_ new: BuildStatus) {
        status = new
        for watcher in watchers.values { watcher.continuation.yield(new) }
    }

    /// The status now, then each new one until the reader stops reading or the board closes.
    /// Only the newest waits for a slow reader: an older one means nothing any more. `page`
    /// is the address of the page listening, whose file a rebuild writes first.
    func updates(page: String? = nil) -> AsyncStream<BuildStatus> {
        let (stream, continuation) = AsyncStream.makeStream(of: BuildStatus.self, bufferingPolicy: .bufferingNewest(1))
        let id = nextWatcher
        nextWatcher += 1
        watchers[id] = (continuation, page)
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        continuation.yield(status)
        return stream
    }

    private func forget(_ id: Int) { watchers[id] = nil }

    /// Ends every stream: the preview is stopping.
    func close() {
        for watcher in watchers.values { watcher.continuation.finish() }
        watchers = [:]
    }
}
