extension String {
    /// Appends `text` with `& < > "` (and `'`, for template values) written as entities,
    /// in one pass over the bytes; runs without them are appended as they are. Templates
    /// and feeds escape every value and whole page bodies with it.
    mutating func appendEscapingMarkup(_ text: String, apostrophes: Bool) {
        var text = text
        // A buffer, not the UTF-8 view: this scans every value of every page.
        let escaped: String? = text.withUTF8 { bytes in
            var output: String?
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let entity: String
                switch byte {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27 where apostrophes: entity = "&#39;"
                default: continue
                }
                if output == nil { output = String(); output!.reserveCapacity(bytes.count + 16) }
                output! += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                output! += entity
                start = index + 1
            }
            output? += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
            return output
        }
        append(escaped ?? text)
    }
}
