/// A place in a source file, as people count: lines and columns from 1.
/// Line 0 means the file as a whole.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the input. Problems are values: every stage returns the ones it
/// found, and the build reports them all together.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// What to do about it, in plain words.
    public var hint: String?
    /// The text of the offending line, shown under the message.
    public var sourceLine: String?

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        hint: String? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    public var isError: Bool { severity == .error }
}

extension [Diagnostic] {
    public var hasErrors: Bool { contains { $0.isError } }

    /// Sorted by file, line and column, so the report reads top to bottom.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown when a build finds errors; it carries every problem found, errors and warnings.
public struct BuildFailed: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// So a stage can return `Result<Value, Diagnostic>` when one problem stops it.
extension Diagnostic: Error {}
