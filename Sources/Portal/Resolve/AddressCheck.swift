/// The one check of every address written anywhere: in Markdown, front matter, data files
/// and the settings. It refuses what a browser would read differently from what was
/// written: control characters and spaces (browsers drop tabs and line breaks, so
/// `java⇥script:` runs as `javascript:`), addresses starting with two slashes or
/// backslashes in any mix (`//host`, `/\host`: another website, with no scheme), schemes
/// other than the web's, email's and phone's, and web addresses without a host.
/// `LinkChecker` then checks that an address on this site leads to a page.
enum AddressCheck {
    static let outsideSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    enum Address: Equatable {
        /// Another website, an email address or a phone number; the scheme in lower case.
        case outside(scheme: String)
        /// An address on this site: from its top, relative to the page, or a `#fragment`.
        case onSite
    }

    static func check(_ url: String) -> Result<Address, LinkChecker.Problem> {
        if let invisible = url.unicodeScalars.first(where: isInvisible) {
            let what = invisible == " " ? "a space" : invisible == "\t" ? "a tab" : invisible == "\n" || invisible == "\r" ? "a line break" : "an invisible character (U+\(String(invisible.value, radix: 16, uppercase: true)))"
            return .failure(.init(
                message: "this address has \(what) in it",
                hint: "Write the address on one line with no spaces: a space inside an address is written %20."))
        }
        guard let scheme = scheme(of: url) else {
            let start = url.utf8.prefix(2)
            if start.count == 2, start.allSatisfy({ $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) {
                return .failure(.init(
                    message: "“\(url)” leaves out the start of the address, so it could lead to any website",
                    hint: "Write another website's address in full, starting https://, or an address on this site with one / at the start."))
            }
            return .success(.onSite)
        }
        guard outsideSchemes.contains(scheme) else {
            return .failure(.init(
                message: "links starting `\(scheme):` are not allowed",
                hint: "Use an address starting https://, http://, mailto: or tel:."))
        }
        if scheme == "http" || scheme == "https" {
            let rest = url.utf8.dropFirst(scheme.utf8.count + 1)
            let host = rest.starts(with: "//".utf8)
                ? rest.dropFirst(2).prefix { !"/?#\\".utf8.contains($0) } : rest.prefix(0)
            if host.isEmpty {
                return .failure(.init(
                    message: "“\(url)” has no website name after \(scheme)://",
                    hint: "Write the whole address, like https://www.example.org/page."))
            }
        }
        return .success(.outside(scheme: scheme))
    }

    /// An address for a setting that must name a website over https (the quick exit, the
    /// site's own address): checked as every address is, then for its scheme and for
    /// characters that would need escaping where the address is written into a page. Plain
    /// http is allowed only on this computer (127.0.0.1 or localhost), for tests.
    static func checkWebsite(_ url: String) -> LinkChecker.Problem? {
        // The host, then at most a port of digits, then the end or a path: nothing else.
        let local = ["http://127.0.0.1", "http://localhost"].contains { prefix in
            guard url.lowercased().hasPrefix(prefix) else { return false }
            var rest = url.utf8.dropFirst(prefix.utf8.count)
            if rest.first == UInt8(ascii: ":") {
                let port = rest.dropFirst().prefix { (0x30...0x39).contains($0) }
                guard !port.isEmpty else { return false }
                rest = rest.dropFirst(1 + port.count)
            }
            return rest.isEmpty || rest.first == UInt8(ascii: "/")
        }
        switch check(url) {
        case .failure(let problem): return problem
        case .success(.outside(scheme: "https")), .success(.outside(scheme: "http")) where local:  // `where`: http only
            if let odd = url.unicodeScalars.first(where: { "\"'<>\\^`{|}".unicodeScalars.contains($0) }) {
                return .init(message: "“\(url)” has the character \(odd) in it, which an address cannot hold", hint: "Copy the address from the browser's address bar.")
            }
            return nil
        case .success:
            return .init(message: "“\(url)” must be the full address of a website, starting https://", hint: "Write it like https://www.example.org.")
        }
    }

    /// Whether `url` is another website's address (http or https, in any case): such links
    /// get `rel="noopener"`.
    static func isOutsideWeb(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return false }
        return scheme == "http" || scheme == "https"
    }

    /// `https` for `https://…`, lower-cased; nil for addresses on this site.
    static func scheme(of link: String) -> String? {
        guard let colon = link.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let candidate = link.utf8[..<colon]
        guard let first = candidate.first, isLetter(first),
            candidate.allSatisfy({ isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D })
        else { return nil }
        return String(decoding: candidate, as: UTF8.self).lowercased()
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Spaces of any kind and control characters: browsers drop or change them in addresses.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x7F { return scalar.value < 0x21 }  // most addresses: plain ASCII
        return scalar.value <= 0x9F || scalar.properties.isWhitespace || scalar.properties.generalCategory == .format
    }
}
