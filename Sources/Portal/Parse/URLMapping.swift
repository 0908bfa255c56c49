import Foundation

/// Maps content paths to clean addresses: `parents-carers/private-fostering.md` →
/// `/parents-carers/private-fostering/`, `about/index.md` → `/about/`.
public enum URLMapping {
    public struct BadName: Error, Sendable {
        public var segment: String
        public var suggestion: String

        func diagnostic(in file: SourceFile) -> Diagnostic {
            Diagnostic(
                .error, at: SourceLocation(path: file.path),
                "“\(segment)” cannot be part of a web address",
                hint: "Use lower-case letters, digits and hyphens only: rename it “\(suggestion)”.")
        }
    }

    public static func url(forContentPath path: String) -> Result<String, BadName> {
        var segments = path.split(separator: "/").map(String.init)
        if var last = segments.popLast() {
            if last.hasSuffix(".md") { last.removeLast(3) }
            if last != "index" { segments.append(last) }
        }
        for segment in segments where !isCleanSegment(segment) {
            return .failure(BadName(segment: segment, suggestion: slug(segment)))
        }
        return .success(segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/")
    }

    /// The folder of sections a page's address sits in: `/a/b/c/` → `/a/b/`.
    public static func parent(of url: String) -> String? {
        guard url != "/" else { return nil }
        var parts = url.split(separator: "/")
        parts.removeLast()
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// The output file for an address: `/a/b/` → `a/b/index.html`.
    public static func outputPath(for url: String) -> String {
        let trimmed = url.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "index.html" : trimmed + "/index.html"
    }

    static func isCleanSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.first != "-" && segment.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}

/// Lower-case ASCII words joined by hyphens: “Who must tell us?” → `who-must-tell-us`.
public func slug(_ text: String) -> String {
    var words: [String] = []
    var current = ""
    // Accents and case are folded away; plain ASCII (most headings) only needs lowercasing,
    // which is much cheaper than Foundation's folding.
    let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased() : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    for scalar in folded.unicodeScalars {
        if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
            current.unicodeScalars.append(scalar)
        } else if scalar == "'" || scalar == "’" {
            continue
        } else if !current.isEmpty {
            words.append(current)
            current = ""
        }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: "-")
}
