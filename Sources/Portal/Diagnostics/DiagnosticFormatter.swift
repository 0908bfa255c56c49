/// Prints diagnostics the way compilers people trust do: location, message, the source
/// line with a caret under the column, and a hint.
public struct DiagnosticFormatter: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) { self.colour = colour }

    public func format(_ diagnostic: Diagnostic) -> String {
        let loc = diagnostic.location
        var position = Self.visible(loc.path)
        if loc.line > 0 {
            position += ":\(loc.line)"
            if loc.column > 0 { position += ":\(loc.column)" }
        }
        let label = diagnostic.severity.rawValue
        var out = "\(bold(position)): \(paint(label, diagnostic.isError ? "31" : "33")): \(bold(Self.visible(diagnostic.message)))\n"
        if loc.line > 0, let (line, column) = diagnostic.excerpt {
            let number = String(loc.line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = Self.visible(line.replacingTabs())
            out += " \(number) | \(shown)\n"
            if loc.column > 0 {
                let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(column - 1))).replacingTabs()
                out += " \(gutter) | \(String(repeating: " ", count: Self.visible(prefix).count))\(paint("^", "32"))\n"
            }
        }
        if let hint = diagnostic.hint {
            out += "  \(paint("hint", "36")): \(Self.visible(hint))\n"
        }
        return out
    }

    /// All diagnostics, sorted (at most `shownPerFile` a file, then how many more),
    /// followed by a count of them all.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        let (shown, more) = diagnostics.limitedForReport()
        var out = shown.map(format).joined(separator: "\n")
        for (path, count, _) in more {
            out += "\n\(bold(Self.visible(path))): and \(count) more problem\(count == 1 ? "" : "s") in this file, not shown: fix the ones above and build again\n"
        }
        let errors = diagnostics.filter(\.isError).count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
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

extension DiagnosticFormatter {
    /// `text` with every character that could command a terminal shown as a symbol instead:
    /// control characters (an escape sequence in a file name or a page could recolour,
    /// rewrite or hide what is printed) as their Unicode pictures (␛ for escape), and the
    /// other invisible ones that change how text reads (C1 controls, direction overrides)
    /// as <U+XXXX>. Everything printed about the content passes through here.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, scalar != "\n" {
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")
            } else if isControl(scalar), scalar != "\n" {
                out.append(contentsOf: "<U+\(String(scalar.value, radix: 16, uppercase: true))>".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
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
    /// At most `shownPerFile` a file, then a record saying how many more there are (an
    /// error if any of them is).
    public func json(_ diagnostics: [Diagnostic]) -> String {
        let (shown, more) = diagnostics.limitedForReport()
        let records = shown.map {
            Record(
                severity: $0.severity.rawValue, path: $0.location.path, line: $0.location.line, column: $0.location.column,
                message: $0.message, hint: $0.hint, sourceLine: $0.excerpt?.text)
        } + more.map {
            Record(
                severity: $0.errors ? "error" : "warning", path: $0.path, line: 0, column: 0,
                message: "and \($0.count) more problem\($0.count == 1 ? "" : "s") in this file, not shown", hint: "Fix the ones shown and build again.",
                sourceLine: nil)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: (try? encoder.encode(records)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
