extension String {
    /// Appends `text` with `& < > "` (and `'`, for template values) written as entities,
    /// in one pass over the bytes; text with none of them is appended as it is. Templates
    /// and feeds escape every value and whole page bodies with it.
    mutating func appendEscapingMarkup(_ text: String, apostrophes: Bool) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || (apostrophes && $0 == 0x27) }) else {
            append(text)
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + utf8.count / 8)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes += "&amp;".utf8
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27 where apostrophes: bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        append(String(decoding: bytes, as: UTF8.self))
    }
}
