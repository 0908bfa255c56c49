/// Prints diagnostics the way compilers people trust do: location, message, the source
/// line with a caret under the column, and a hint.
public struct DiagnosticFormatter: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func format(_ diagnostic: Diagnostic) -> String {
        let loc = diagnostic.location
        var position = loc.path
        if loc.line > 0 {
            position += ":\(loc.line)"
            if loc.column > 0 { position += ":\(loc.column)" }
        }
        let label = diagnostic.severity.rawValue
        var out = "\(bold(position)): \(paint(label, diagnostic.isError ? "31" : "33")): \(bold(diagnostic.message))\n"
        if loc.line > 0, let line = diagnostic.sourceLine {
            let number = String(loc.line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = line.replacingTabs()
            out += " \(number) | \(shown)\n"
            if loc.column > 0 {
                let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(loc.column - 1))).replacingTabs()
                out += " \(gutter) | \(String(repeating: " ", count: prefix.count))\(paint("^", "32"))\n"
            }
        }
        if let hint = diagnostic.hint {
            out += "  \(paint("hint", "36")): \(hint)\n"
        }
        return out
    }

    /// All diagnostics, sorted, followed by a count.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        let sorted = diagnostics.sortedForReport()
        var out = sorted.map(format).joined(separator: "\n")
        let errors = sorted.filter(\.isError).count
        let warnings = sorted.count - errors
        if !sorted.isEmpty {
            out += "\n" + Self.count(errors: errors, warnings: warnings) + "\n"
        }
        return out
    }

    public static func count(errors: Int, warnings: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [errors > 0 ? plural(errors, "error") : nil, warnings > 0 ? plural(warnings, "warning") : nil]
            .compactMap { $0 }.joined(separator: ", ")
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text
    }

    private func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var out = ""
        for character in self { out += character == "\t" ? "    " : String(character) }
        return out
    }
}

import Foundation

extension DiagnosticFormatter {
    private struct Record: Encodable {
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?
        var sourceLine: String?
    }

    /// The diagnostics as JSON, for editors and other tools: an array of objects with
    /// `severity`, `path`, `line`, `column`, `message`, `hint` and `source_line`, sorted.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        let records = diagnostics.sortedForReport().map {
            Record(
                severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line, column: $0.location.column,
                message: $0.message, hint: $0.hint, sourceLine: $0.sourceLine)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(records)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
