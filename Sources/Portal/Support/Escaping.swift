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

extension String {
    /// An address as cmark writes it into `href`: bytes outside its safe set
    /// (letters, digits and `-_.+!*(),%#@?=;:/$~`) as `%XX`, `&` as `&amp;` and `'` as
    /// `&#x27;`. Links portal writes itself (to other websites, with `rel="noopener"`)
    /// come out exactly as cmark's own.
    var escapedForHref: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
            case _ where "-_.+!*(),%#@?=;:/$~".utf8.contains(byte):
                out.append(byte)
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "'"): out += "&#x27;".utf8
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
