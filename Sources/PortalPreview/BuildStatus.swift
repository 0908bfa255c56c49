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

    public static let initial = BuildStatus(build: 0, site: 0, ok: true, errors: [])
}

/// The one shared, changing value of the preview: written after each build, read by every
/// request.
actor StatusBoard {
    private(set) var status = BuildStatus.initial

    func succeeded() {
        status = BuildStatus(build: status.build + 1, site: status.build + 1, ok: true, errors: [])
    }

    func failed(_ errors: [BuildStatus.Problem]) {
        status = BuildStatus(build: status.build + 1, site: status.site, ok: false, errors: errors)
    }
}
