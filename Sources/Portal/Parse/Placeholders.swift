/// `[to be added: what goes here]`: a detail only the board knows (a local phone number, an
/// address, a partner's name), marked so in the project `portal init` writes. Each one is a
/// warning in every build and is listed by `portal check` until it is replaced; a phone
/// number that is one shows "to be added", with no link to call.
public enum Placeholders {
    /// One placeholder: where it is written, and its words.
    public struct Found: Sendable, Equatable {
        public var location: SourceLocation
        public var text: String
    }

    private static let opening = Array("[to be added".utf8)
    /// A placeholder ends at `]`, or at the end of its line: it is never longer than a line.
    private static let newline = UInt8(ascii: "\n")

    /// Whether `text` is or holds a placeholder.
    public static func contains(_ text: String) -> Bool {
        !ranges(in: text).isEmpty
    }

    /// A number's `tel:` link (digits only), or nil while it is a placeholder: nothing to call.
    public static func telURL(_ phone: String) -> String? {
        contains(phone) ? nil : "tel:" + phone.filter(\.isNumber)
    }

    /// An address's `mailto:` link, or nil while it is a placeholder.
    public static func mailtoURL(_ email: String) -> String? {
        contains(email) ? nil : "mailto:" + email
    }

    /// Scanned in place: every page of every build passes here.
    private static func ranges(in text: String) -> [(start: Int, end: Int)] {
        text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// Every placeholder in `file`, in order.
    public static func find(in file: SourceFile) -> [Found] {
        let found = ranges(in: file.text)
        guard !found.isEmpty else { return [] }
        let bytes = Array(file.text.utf8)
        var results: [Found] = []
        var line = 1
        var counted = 0
        // Lines and columns counted once, onward from the last placeholder: many on one
        // long line must not count its start again each time.
        var column = 1
        for (start, end) in found {
            for index in counted..<start {
                if bytes[index] == newline {
                    line += 1
                    column = 1
                } else if bytes[index] & 0xC0 != 0x80 {
                    column += 1  // a scalar's first byte, not a continuation byte
                }
            }
            counted = start
            let words = String(decoding: bytes[start + 1..<end], as: UTF8.self)
            results.append(Found(location: SourceLocation(path: file.path, line: line, column: column), text: words))
        }
        return results
    }

    /// The warnings a build gives for `placeholders`, one each.
    static func warnings(_ placeholders: [Found], in file: SourceFile) -> [Diagnostic] {
        placeholders.map {
            file.warning(
                line: $0.location.line, column: $0.location.column, "still a placeholder: “[\($0.text)]”",
                hint: "Replace it with your board's own detail before publishing. `portal check` lists every placeholder left.")
        }
    }

    /// The byte ranges of `[to be added…]` (any case): from the `[` to just before `]`.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
        var found: [(Int, Int)] = []
        var index = 0
        let last = bytes.count - opening.count
        while index <= last {
            guard bytes[index] == opening[0], matchesOpening(bytes, at: index) else {
                index += 1
                continue
            }
            var end = index + opening.count
            while end < bytes.count, bytes[end] != UInt8(ascii: "]"), bytes[end] != newline { end += 1 }
            found.append((index, end))
            index = end
        }
        return found
    }

    private static func matchesOpening(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in 1..<opening.count {
            let byte = bytes[index + offset]
            // ASCII letters compare without case; a space matches a space.
            let lowered = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lowered != opening[offset] { return false }
        }
        return true
    }
}
