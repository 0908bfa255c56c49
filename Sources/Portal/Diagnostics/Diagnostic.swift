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
    /// The offending line, kept without a copy; read only when shown.
    public var source: SourceLine?

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        hint: String? = nil, source: SourceLine? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.source = source
    }

    /// The offending line as shown under the message: the part around the column if it is
    /// long, and the column within that part.
    public var excerpt: (text: String, column: Int)? {
        source.map { $0.excerpt(column: location.column) }
    }

    public var isError: Bool { severity == .error }

    /// Problems shown for one file at most: past them a report says how many more there
    /// are. A file with thousands of mistakes (one pasted wrongly) stays readable, and the
    /// report stays small.
    public static let shownPerFile = 50
}

extension [Diagnostic] {
    public var hasErrors: Bool { contains { $0.isError } }

    /// Sorted by file, line and column, so the report reads top to bottom.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// Sorted for the report, at most `shownPerFile` for each file; then, by file, how many
    /// were left out, and whether any of those is an error.
    public func limitedForReport() -> (shown: [Diagnostic], more: [(path: String, count: Int, errors: Bool)]) {
        var shown: [Diagnostic] = []
        var more: [(path: String, count: Int, errors: Bool)] = []
        var path: String?
        var inFile = 0
        for diagnostic in sortedForReport() {
            if diagnostic.location.path != path {
                path = diagnostic.location.path
                inFile = 0
            }
            inFile += 1
            if inFile <= Diagnostic.shownPerFile {
                shown.append(diagnostic)
            } else if more.last?.path == diagnostic.location.path {
                more[more.count - 1].count += 1
                more[more.count - 1].errors = more[more.count - 1].errors || diagnostic.isError
            } else {
                more.append((diagnostic.location.path, 1, diagnostic.isError))
            }
        }
        return (shown, more)
    }
}

/// Thrown when a build finds errors; it carries every problem found, errors and warnings.
public struct BuildFailed: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// So a stage can return `Result<Value, Diagnostic>` when one problem stops it.
extension Diagnostic: Error {}
