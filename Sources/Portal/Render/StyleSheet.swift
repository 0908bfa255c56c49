/// Stylesheets as the site publishes them: without their comments, which are for whoever
/// edits the theme, not for readers paying for every byte on a phone. Strings are left
/// as they are (`content: "/*"` is not a comment); a comment left open runs to the end, as
/// in CSS. One pass over the bytes.
enum StyleSheet {
    static func withoutComments(_ css: [UInt8]) -> [UInt8] {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(css.count)
        var i = 0
        var quote: UInt8?
        while i < css.count {
            let byte = css[i]
            if let open = quote {
                out.append(byte)
                if byte == backslash, i + 1 < css.count {
                    out.append(css[i + 1])
                    i += 2
                    continue
                }
                if byte == open || byte == newline { quote = nil }
                i += 1
            } else if byte == slash, i + 1 < css.count, css[i + 1] == star {
                var end = i + 2
                while end + 1 < css.count, !(css[end] == star && css[end + 1] == slash) { end += 1 }
                end = min(css.count, end + 2)
                // A comment on lines of its own leaves no empty line behind.
                let lineStart = out.lastIndex(of: newline).map { $0 + 1 } ?? 0
                if out[lineStart...].allSatisfy({ $0 == UInt8(ascii: " ") }), end < css.count, css[end] == newline {
                    out.removeSubrange(lineStart...)
                    end += 1
                }
                i = end
            } else {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                out.append(byte)
                i += 1
            }
        }
        return out
    }
}
