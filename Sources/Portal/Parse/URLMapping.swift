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
        var segments = path.pathSegments.map(String.init)
        if var last = segments.popLast() {
            if last.hasSuffix(".md") { last.removeLast(3) }
            if last != "index" { segments.append(last) }
        }
        for segment in segments where !SitePath.isCleanSegment(segment) {
            return .failure(BadName(segment: segment, suggestion: slug(segment)))
        }
        return .success(segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/")
    }

    /// The folder of sections a page's address sits in: `/a/b/c/` → `/a/b/`.
    public static func parent(of url: String) -> String? {
        guard url != "/" else { return nil }
        var parts = url.pathSegments
        parts.removeLast()
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// The output file for an address: `/a/b/` → `a/b/index.html`.
    public static func outputPath(for url: String) -> String {
        let trimmed = url.pathSegments.joined(separator: "/")
        return trimmed.isEmpty ? "index.html" : trimmed + "/index.html"
    }
}

/// Lower-case ASCII words joined by hyphens: “Who must tell us?” → `who-must-tell-us`.
public func slug(_ text: String) -> String {
    // Accents and case are folded away; plain ASCII (most headings) only needs lowercasing,
    // done here on bytes, which is much cheaper than Foundation's folding.
    let ascii = text.utf8.allSatisfy { $0 < 0x80 }
    let folded = ascii ? text : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(folded.utf8.count)
    var between = false
    for scalar in folded.unicodeScalars {
        var value = scalar.value
        if ascii, (0x41...0x5A).contains(value) { value += 0x20 }
        if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
            if between && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            between = false
            bytes.append(UInt8(value))
        } else if scalar != "'" && scalar != "’" {
            between = true
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
