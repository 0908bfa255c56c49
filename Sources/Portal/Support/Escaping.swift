extension [UInt8] {
    /// Appends the UTF-8 of `text`, copied in one step (its buffer, not its UTF-8 view).
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends `text` with `& < > "` (and `'`, for template values) written as entities,
    /// in one pass over the bytes; runs without them are copied as they are. Templates
    /// and feeds escape every value and whole page bodies with it.
    mutating func appendEscapingMarkup(_ text: String, apostrophes: Bool) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27 where apostrophes: entity = "&#39;"
                default: continue
                }
                append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

extension String {
    /// `appendEscapingMarkup` for text: see the bytes' version.
    mutating func appendEscapingMarkup(_ text: String, apostrophes: Bool) {
        var escaped: [UInt8] = []
        escaped.appendEscapingMarkup(text, apostrophes: apostrophes)
        append(String(decoding: escaped, as: UTF8.self))
    }
}
